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
