package dev.breaker.spring.judge;

import dev.breaker.core.classify.ResponseHeaders;

/**
 * An upstream's answer as an exception keeps it: what a door would have seen on the wire.
 *
 * @param status the HTTP status
 * @param headers the response's headers ({@link ResponseHeaders#NONE} when the exception keeps none)
 * @param contentType the response's content type, or null when unknown
 * @param body the response's body, or null when the exception keeps none
 */
public record Answer(int status, ResponseHeaders headers, String contentType, byte[] body) {
}
