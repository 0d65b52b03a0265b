package dev.breaker.core.registry;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerId;
import dev.breaker.core.BreakerState;
import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.event.BreakerListener;
import dev.breaker.core.store.StateStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The breakers of one provider, one per key, created on first use and bounded by {@code max-breakers}.
 *
 * <p>When a new key would exceed the bound, the least recently used CLOSED, unforced breakers are
 * dropped: a tenth of the bound at a time (at least one), so that a flood of distinct keys costs one
 * scan of the breakers per {@code max-breakers / 10} new keys rather than one per key. "Recently
 * used" is judged on the breaker clock (millisecond steps). OPEN, HALF_OPEN and forced breakers are
 * never dropped, so the bound can only be exceeded by breakers that remember an outage.
 *
 * <p>Lookups of existing keys take no lock; creation and eviction take this object's lock.
 */
public final class ProviderBreakers {

    private final String provider;
    private final BreakerConfig config;
    private final BreakerClock clock;
    private final BreakerListener listener;
    private final StateStore store;
    private final RegistryListener registryListener;
    private final ConcurrentHashMap<String, Breaker> breakers = new ConcurrentHashMap<>();

    ProviderBreakers(String provider, BreakerConfig config, BreakerClock clock, BreakerListener listener,
                     StateStore store, RegistryListener registryListener) {
        this.provider = provider;
        this.config = config;
        this.clock = clock;
        this.listener = listener;
        this.store = store;
        this.registryListener = registryListener;
    }

    public String provider() {
        return provider;
    }

    public BreakerConfig config() {
        return config;
    }

    /** The breaker for {@code key}, created if needed. */
    public Breaker breaker(String key) {
        Breaker breaker = breakers.get(key);
        if (breaker == null) {
            breaker = create(key);
        }
        breaker.touch();
        return breaker;
    }

    /** The breaker for {@code key} if it exists; never creates one. */
    public Breaker find(String key) {
        return breakers.get(key);
    }

    /** A snapshot of the current breakers. */
    public Collection<Breaker> breakers() {
        return List.copyOf(breakers.values());
    }

    public int size() {
        return breakers.size();
    }

    private synchronized Breaker create(String key) {
        Breaker existing = breakers.get(key);
        if (existing != null) {
            return existing;
        }
        if (breakers.size() >= config.maxBreakers()) {
            evictLeastRecentlyUsed();
        }
        Breaker breaker = new Breaker(new BreakerId(provider, key), config, clock, listener, store);
        breakers.put(key, breaker);
        registryListener.onCreated(breaker);
        return breaker;
    }

    private void evictLeastRecentlyUsed() {
        int excess = breakers.size() - config.maxBreakers() + 1;
        int batch = Math.max(excess, config.maxBreakers() / 10);
        List<Breaker> candidates = new ArrayList<>();
        for (Breaker breaker : breakers.values()) {
            if (breaker.state() == BreakerState.CLOSED && !breaker.isForced()) {
                candidates.add(breaker);
            }
        }
        candidates.sort(Comparator.comparingLong(Breaker::lastAccess));
        for (Breaker breaker : candidates.subList(0, Math.min(batch, candidates.size()))) {
            if (breakers.remove(breaker.id().key(), breaker)) {
                breaker.detach();
                registryListener.onEvicted(breaker);
            }
        }
    }
}
