package dev.breaker.core.registry;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerId;
import dev.breaker.core.BreakerListener;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import dev.breaker.core.Permit;
import dev.breaker.core.StateStore;
import dev.breaker.core.clock.BreakerClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The breakers of one provider, one per key, bounded by {@code max-breakers}. Keys come from what
 * clients send, so every key is {@linkplain BreakerKeys#bounded bounded} in length, and a call is
 * admitted through {@link #tryAcquire} without creating a breaker: a key without one is closed, and
 * its breaker is created only when a call's outcome counts (a success or a failure). Calls whose
 * outcome is ignored (a 404 on a made-up path) leave nothing behind; they are counted in
 * {@link #ignoredWithoutBreaker()}.
 *
 * <h2>Eviction</h2>
 * When a new breaker would exceed {@code max-breakers}, the least recently used breakers that can go
 * are dropped, in batches of up to a tenth of the bound (so that a flood of new keys costs one scan
 * per batch, not one per key), but never more than half of those that can go, so that the most
 * recently used of them survive. A breaker can go when it is CLOSED, or HALF_OPEN with no probe in
 * flight (its open period is over), is not forced, and was not used within the last
 * {@link #RECENT} — so no breaker is dropped in its first moments. A breaker that is OPEN with its
 * open period not over, HALF_OPEN with a probe in flight, or forced never goes: an outage is never
 * forgotten because of traffic on other keys. So the bound is exceeded only by those, and by
 * breakers used within the last second, and never by the latter beyond twice {@code max-breakers}:
 * there the least recently used breaker that can go is dropped however recently it was used.
 * "Recently used" is judged on the breaker clock.
 *
 * <p>Lookups of existing keys take no lock; creation and eviction take this object's lock.
 */
public final class ProviderBreakers {

    /** A breaker used within this long is dropped only when the provider holds twice {@code max-breakers}. */
    public static final Duration RECENT = Duration.ofSeconds(1);

    private static final long RECENT_NANOS = RECENT.toNanos();

    private final String provider;
    private final BreakerConfig config;
    private final BreakerClock clock;
    private final BreakerListener listener;
    private final StateStore store;
    private final RegistryListener registryListener;
    private final ConcurrentHashMap<String, Breaker> breakers = new ConcurrentHashMap<>();
    private final LongAdder ignoredWithoutBreaker = new LongAdder();
    private int nextScanSize; // guarded by this
    private long nextScanAt;  // guarded by this

    ProviderBreakers(String provider, BreakerConfig config, BreakerClock clock, BreakerListener listener,
                     StateStore store, RegistryListener registryListener) {
        this.provider = provider;
        this.config = config;
        this.clock = clock;
        this.listener = listener;
        this.store = store;
        this.registryListener = registryListener;
        this.nextScanAt = clock.nanoTime();
    }

    public String provider() {
        return provider;
    }

    public BreakerConfig config() {
        return config;
    }

    /**
     * A permit for a call on {@code key}, or null when its breaker refuses the call. Creates no
     * breaker: where the key has none, the permit creates it when the call's outcome counts.
     */
    public Permit tryAcquire(String key) {
        String bounded = BreakerKeys.bounded(key);
        Breaker breaker = breakers.get(bounded);
        if (breaker == null) {
            return new PendingPermit(this, bounded);
        }
        breaker.touch();
        return breaker.tryAcquire();
    }

    /**
     * A permit for a call on {@code key}, as {@link #tryAcquire}.
     *
     * @throws BreakerOpenException when the key's breaker refuses the call
     */
    public Permit acquire(String key) {
        String bounded = BreakerKeys.bounded(key);
        Breaker breaker = breakers.get(bounded);
        if (breaker == null) {
            return new PendingPermit(this, bounded);
        }
        breaker.touch();
        return breaker.acquire();
    }

    /** The breaker for {@code key}, created if needed. */
    public Breaker breaker(String key) {
        return existingOrNew(BreakerKeys.bounded(key));
    }

    /** The breaker for {@code key} if it exists; never creates one. */
    public Breaker find(String key) {
        return breakers.get(BreakerKeys.bounded(key));
    }

    /** A snapshot of the current breakers. */
    public Collection<Breaker> breakers() {
        return List.copyOf(breakers.values());
    }

    public int size() {
        return breakers.size();
    }

    /** Calls whose outcome was ignored on a key that had no breaker, so that none was created for them. */
    public long ignoredWithoutBreaker() {
        return ignoredWithoutBreaker.sum();
    }

    void countIgnoredWithoutBreaker() {
        ignoredWithoutBreaker.increment();
    }

    /** {@code key} is bounded already. */
    Breaker existingOrNew(String key) {
        Breaker breaker = breakers.get(key);
        if (breaker == null) {
            breaker = create(key);
        }
        breaker.touch();
        return breaker;
    }

    private synchronized Breaker create(String key) {
        Breaker existing = breakers.get(key);
        if (existing != null) {
            return existing;
        }
        int size = breakers.size();
        int max = config.maxBreakers();
        if (size >= max && (size >= nextScanSize || size >= 2L * max || clock.nanoTime() - nextScanAt >= 0)) {
            evictLeastRecentlyUsed();
        }
        Breaker breaker = new Breaker(new BreakerId(provider, key), config, clock, listener, store);
        breakers.put(key, breaker);
        registryListener.onCreated(breaker);
        return breaker;
    }

    private void evictLeastRecentlyUsed() {
        int max = config.maxBreakers();
        boolean atCeiling = breakers.size() >= 2L * max;
        long now = clock.nanoTime();
        List<Breaker> candidates = new ArrayList<>();
        for (Breaker breaker : breakers.values()) {
            if (canGo(breaker) && (atCeiling || now - breaker.lastAccess() >= RECENT_NANOS)) {
                candidates.add(breaker);
            }
        }
        candidates.sort(Comparator.comparingLong(Breaker::lastAccess));
        int excess = breakers.size() - max + 1;
        int batch = Math.max(1, Math.min(Math.max(excess, max / 10), candidates.size() / 2));
        for (Breaker breaker : candidates.subList(0, Math.min(batch, candidates.size()))) {
            if (breakers.remove(breaker.id().key(), breaker)) {
                breaker.detach();
                registryListener.onEvicted(breaker);
            }
        }
        if (breakers.size() >= max) {
            // Too little could go: scanning again for every new key would cost a scan per key. The
            // next scan waits until another tenth of the bound has been added or a second has passed.
            nextScanSize = breakers.size() + Math.max(1, max / 10);
            nextScanAt = now + RECENT_NANOS;
        } else {
            nextScanSize = 0;
            nextScanAt = now;
        }
    }

    /** Reading the state first ends an open period that is over: such a breaker can go. */
    private static boolean canGo(Breaker breaker) {
        BreakerState state = breaker.state();
        return !breaker.isForced()
                && (state == BreakerState.CLOSED || (state == BreakerState.HALF_OPEN && breaker.probesInFlight() == 0));
    }
}
