package dev.breaker.sample.demo;

/**
 * What {@code GET /demo/haiku} answers.
 *
 * @param text the poem
 * @param model the model asked
 * @param fallback whether the fallback wrote it because the call failed or the breaker was open
 * @param reason why the fallback was used, or null
 */
public record Haiku(String text, String model, boolean fallback, String reason) {
}
