package dev.breaker.core.store;

import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerId;
import dev.breaker.core.LocalBreaker;
import dev.breaker.core.SharedState;
import dev.breaker.core.StateStore;
import dev.breaker.core.StateTransition;
import dev.breaker.core.StoreStatus;
import dev.breaker.core.window.WindowCounts;

/** The default store: each breaker lives in this JVM only, and shares nothing. */
public final class InMemoryStateStore implements StateStore {

    public static final InMemoryStateStore INSTANCE = new InMemoryStateStore();

    private static final SharedState LOCAL_ONLY = new SharedState() {
        @Override
        public void published(StateTransition transition, long retryAtWallMillis) {
        }

        @Override
        public WindowCounts remoteCounts() {
            return WindowCounts.EMPTY;
        }

        @Override
        public void recorded(boolean marked) {
        }

        @Override
        public boolean tryAcquireProbe() {
            return true;
        }

        @Override
        public void releaseProbe() {
        }

        @Override
        public void detach() {
        }
    };

    @Override
    public SharedState attach(BreakerId id, BreakerConfig config, LocalBreaker local) {
        return LOCAL_ONLY;
    }

    @Override
    public StoreStatus status() {
        return StoreStatus.MEMORY;
    }
}
