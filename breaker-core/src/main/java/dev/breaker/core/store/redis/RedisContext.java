package dev.breaker.core.store.redis;

import dev.breaker.core.BreakerId;
import dev.breaker.core.clock.BreakerClock;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the links of one store share: the connection, the store's thread, this replica's names, the
 * store's timing, and the two places where links and the store's thread meet: the links waiting for
 * the next flush tick, and the table of links that messages are routed through. The store and its
 * links both hold it, so that neither calls back into the other.
 */
final class RedisContext {

    final RedisConnector connector;
    /** The store's single thread: replies, flushes, resyncs and timers run here. */
    final ScheduledExecutorService executor;
    final BreakerClock clock;
    final String keyPrefix;
    final String channel;
    final String replicaId;
    final long probeWaitNanos;
    private final long flushIntervalNanos;

    private final AtomicLong leases = new AtomicLong();
    private final ConcurrentLinkedQueue<RedisLink> toFlush = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<BreakerId, RedisLink> links = new ConcurrentHashMap<>();

    RedisContext(RedisConnector connector, ScheduledExecutorService executor, BreakerClock clock, String keyPrefix,
                 String channel, String replicaId, long probeWaitNanos, long flushIntervalNanos) {
        this.connector = connector;
        this.executor = executor;
        this.clock = clock;
        this.keyPrefix = keyPrefix;
        this.channel = channel;
        this.replicaId = replicaId;
        this.probeWaitNanos = probeWaitNanos;
        this.flushIntervalNanos = flushIntervalNanos;
    }

    /** Whether commands are worth sending now; cheap enough to ask per call. */
    boolean usable() {
        return connector.usable();
    }

    /** A probe lease id no other lease of any replica has. */
    String nextLeaseId() {
        return replicaId + ":" + leases.incrementAndGet();
    }

    /**
     * While any window holds a failure or a slow call, counts are re-shared every tenth of the window,
     * within [50 ms, 1 s].
     */
    long refreshNanos(long windowMillis) {
        long millis = Math.max(50, Math.min(1_000, windowMillis / 10));
        return Math.max(flushIntervalNanos, TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** Flushes {@code link} at the store's next tick; any thread. */
    void flushSoon(RedisLink link) {
        toFlush.offer(link);
    }

    /** The next link to flush, or null; the store's thread, at each tick. */
    RedisLink nextToFlush() {
        return toFlush.poll();
    }

    void add(RedisLink link) {
        links.put(link.id, link);
    }

    /** A detached link: messages about its breaker go nowhere any more. */
    void remove(RedisLink link) {
        links.remove(link.id, link);
    }

    /** The link of the breaker {@code id}, or null if it has none here. */
    RedisLink link(BreakerId id) {
        return links.get(id);
    }

    Collection<RedisLink> links() {
        return links.values();
    }
}
