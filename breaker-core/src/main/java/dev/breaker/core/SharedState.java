package dev.breaker.core;

import dev.breaker.core.window.WindowCounts;

/** One breaker's link to the shared state. Every method returns at once and never throws. */
public interface SharedState {

    /**
     * A local transition happened: share it. Called before the breaker's listeners hear of it, so
     * that sharing never waits for them. Not called for transitions that came from the store.
     */
    void published(StateTransition transition, long retryAtWallMillis);

    /** Calls, failures and slow calls recorded by other replicas that belong in this breaker's window. */
    WindowCounts remoteCounts();

    /**
     * A local outcome that other replicas must hear of is in the window: share it. Called for every
     * failure and every slow call, once the outcome is in the local window, so that
     * {@link LocalBreaker#localCounts()} includes it; plain successes are never reported one by one.
     *
     * @param marked whether the outcome was a failure or a slow call (always true today)
     */
    void recorded(boolean marked);

    /** Whether a half-open probe may go out, counting the probes of every replica. */
    boolean tryAcquireProbe();

    /** A probe admitted by {@link #tryAcquireProbe()} has finished. */
    void releaseProbe();

    /** The breaker was dropped from its registry. */
    void detach();
}
