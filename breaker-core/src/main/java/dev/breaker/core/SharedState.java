package dev.breaker.core;

import dev.breaker.core.window.WindowCounts;

/** One breaker's link to the shared state. Every method returns at once and never throws. */
public interface SharedState {

    /**
     * A local transition happened: share it. Called before the breaker's listeners hear of it, so
     * that sharing never waits for them. Not called for transitions that came from the store.
     */
    void published(StateTransition transition, long retryAtWallMillis);

    /** Calls and failures recorded by other replicas that belong in this breaker's window. */
    WindowCounts remoteCounts();

    /**
     * A local failure or, in the window's exact mode, a local outcome: share it. Called once the
     * outcome is in the local window, so that {@link LocalBreaker#localCounts()} includes it.
     */
    void recorded(boolean failure);

    /** Whether a half-open probe may go out, counting the probes of every replica. */
    boolean tryAcquireProbe();

    /** A probe admitted by {@link #tryAcquireProbe()} has finished. */
    void releaseProbe();

    /** The breaker was dropped from its registry. */
    void detach();
}
