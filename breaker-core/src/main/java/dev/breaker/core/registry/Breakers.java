package dev.breaker.core.registry;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerId;
import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.event.TransitionLog;
import dev.breaker.core.store.InMemoryStateStore;

/**
 * Breakers outside any registry. It lives here, not on {@link Breaker}, because its defaults are
 * the registry's: the breaker package knows the store and the listener only as interfaces.
 */
public final class Breakers {

    private Breakers() {
    }

    /** A standalone breaker with the system clock, the in-memory store and state changes logged. */
    public static Breaker standalone(String provider, String key, BreakerConfig config) {
        return new Breaker(new BreakerId(provider, key), config, BreakerClock.system(), new TransitionLog(),
                InMemoryStateStore.INSTANCE);
    }
}
