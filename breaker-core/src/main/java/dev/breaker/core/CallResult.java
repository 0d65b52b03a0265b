package dev.breaker.core;

import java.time.Duration;

/**
 * A classified call: its {@link Outcome}, plus what a failure told us about when to come back.
 *
 * @param outcome success, failure or ignored
 * @param status the HTTP status, or 0 when the call ended without one (timeout, connection failure)
 * @param retryAfter how long the upstream asked us to wait ({@code Retry-After} and friends), or null
 * @param quotaExhausted whether the upstream said a quota or spend cap is exhausted (opens at once)
 */
public record CallResult(Outcome outcome, int status, Duration retryAfter, boolean quotaExhausted) {

    public static final CallResult SUCCESS = new CallResult(Outcome.SUCCESS, 0, null, false);
    public static final CallResult IGNORED = new CallResult(Outcome.IGNORED, 0, null, false);
    public static final CallResult FAILURE = new CallResult(Outcome.FAILURE, 0, null, false);

    public CallResult {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome must not be null");
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            retryAfter = null;
        }
    }

    /** A failure carrying the upstream's status and, where it sent one, its retry hint. */
    public static CallResult failure(int status, Duration retryAfter) {
        return new CallResult(Outcome.FAILURE, status, retryAfter, false);
    }

    /** A quota or spend-cap error: opens the breaker at once, for {@code resetAfter} if known. */
    public static CallResult quotaExhausted(int status, Duration resetAfter) {
        return new CallResult(Outcome.FAILURE, status, resetAfter, true);
    }

    public static CallResult of(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> SUCCESS;
            case FAILURE -> FAILURE;
            case IGNORED -> IGNORED;
        };
    }
}
