package dev.breaker.spring.fallback;

/**
 * A prompt moved on from one entry of the fallback chain to the next.
 *
 * @param from the entry that could not serve, as written
 * @param to the next entry, as written
 * @param reason why {@code from} could not serve
 * @param detail what happened, for people: the breaker that refused, or the failure's status or type
 */
public record FallbackMove(String from, String to, Reason reason, String detail) {

    public enum Reason {

        /** Its breaker was open: no request was sent. */
        REFUSED,

        /** It was tried, and failed in a way its breaker counts (a 529, a 503, a 429, a timeout…). */
        FAILED
    }
}
