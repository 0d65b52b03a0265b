package dev.breaker.core;

/**
 * Permission for one call, granted by {@link Breaker#tryAcquire()}. Report the call's outcome
 * exactly once with {@link #onResult}; then, or instead, {@link #release()} in a {@code finally}
 * block, so that a call that throws anything (an {@code Error} too) never keeps a probe slot.
 *
 * <p>While the breaker is closed the permit is shared by all calls and holds nothing; a half-open
 * probe's permit holds one of the {@code half-open-max-calls} slots until it reports or is released.
 */
public interface Permit {

    /** Reports the finished call. A second report for the same probe is ignored. */
    void onResult(CallResult result);

    /**
     * Reports the finished call and how long it took to answer: from admission to the first sign of
     * an answer (the status line; a stream's first generated content; a method's result). With
     * {@code slow-call-duration} set, a success or failure that took at least that long is also slow.
     *
     * @param latencyNanos the time to answer, or a negative value when unknown (never slow)
     */
    default void onResult(CallResult result, long latencyNanos) {
        onResult(result);
    }

    /**
     * Whether this permit is a half-open probe. A probe's first sign of an answer already says
     * whether the provider is back, so a streamed probe reports at its first content rather than
     * holding its slot until the stream ends.
     */
    default boolean isProbe() {
        return false;
    }

    default void onSuccess() {
        onResult(CallResult.SUCCESS);
    }

    default void onFailure(int status) {
        onResult(CallResult.failure(status, null));
    }

    default void onIgnored() {
        onResult(CallResult.IGNORED);
    }

    /** Gives back a probe slot if no outcome was reported (the call then counts as ignored). */
    void release();

}
