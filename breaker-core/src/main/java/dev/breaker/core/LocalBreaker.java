package dev.breaker.core;

import dev.breaker.core.window.WindowCounts;

/** What a store may ask of, and tell, the local breaker it is linked to. */
public interface LocalBreaker {

    /** The local window's counts now. */
    WindowCounts localCounts();

    /**
     * Another replica moved the shared breaker: follow it. {@code retryAtWallMillis} is when an OPEN
     * breaker may probe again (0 otherwise); {@code forced} marks an operator's forced state.
     */
    void applyRemote(BreakerState state, boolean forced, long retryAtWallMillis);

    /**
     * The store's {@link SharedState#remoteCounts()} grew: judge the trip rules again over the local
     * window plus the remote counts, as a local outcome would. Without this, failures that add up
     * only after the last local outcome (they arrived from other replicas) would trip nobody.
     * Ignored unless the breaker is CLOSED; called from the store's thread, never on a call's path.
     */
    default void remoteCountsChanged() {
    }
}
