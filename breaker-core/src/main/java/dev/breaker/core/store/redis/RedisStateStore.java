package dev.breaker.core.store.redis;

import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerId;
import dev.breaker.core.LocalBreaker;
import dev.breaker.core.SharedState;
import dev.breaker.core.StateStore;
import dev.breaker.core.StoreStatus;
import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.window.WindowCounts;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shares every breaker with the other replicas that use the same Redis and the same key prefix:
 * failures counted on any replica trip the breaker for all, a trip or an operator's forced state
 * reaches every replica within milliseconds, and half-open probes are limited across all replicas.
 *
 * <pre>{@code
 * RedisStateStore store = RedisStateStore.builder().uri("redis://localhost:6379").build();
 * BreakerRegistry registry = BreakerRegistry.builder().provider("anthropic", config).store(store).build();
 * }</pre>
 *
 * <p>The closed success path never touches Redis; Redis traffic grows with the number of breakers
 * that see failures or change state, not with the call rate. Every command is asynchronous with a
 * timeout; no call ever fails or waits for Redis, except that a half-open probe waits at most
 * {@code probeWait} for its lease. While Redis is unreachable each replica carries on with its own
 * breakers, and {@link #status()} says so; when Redis is back, state converges again. The design is
 * described in docs/redis.md, "Shared state through Redis".
 *
 * <p>Requires {@code io.lettuce:lettuce-core} on the classpath, and Redis 6.2 or later.
 */
public final class RedisStateStore implements StateStore {

    private static final Logger log = LoggerFactory.getLogger(RedisStateStore.class);

    /**
     * Reading or restoring a breaker's stored state is one script per breaker; at most this many are
     * in flight at once (the rest wait in a queue, each breaker at most once), so that ten thousand
     * breakers resyncing after an outage, or a flood of new keys, never swamp Redis or Lettuce.
     */
    private static final int MAX_RESYNCS_IN_FLIGHT = 100;

    private final RedisClient client;
    private final ClientResources ownedResources;
    private final ScheduledThreadPoolExecutor executor;
    private final RedisConnector connector;
    private final RedisContext context;
    private final ConcurrentLinkedQueue<RedisLink> toResync = new ConcurrentLinkedQueue<>();
    private final AtomicInteger resyncsInFlight = new AtomicInteger();

    private RedisStateStore(Builder builder) {
        String channel = RedisKeys.channel(builder.keyPrefix);
        String replicaId = builder.replicaId != null ? builder.replicaId
                : UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        this.executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "breaker-redis-" + replicaId);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);

        this.ownedResources = builder.clientResources == null ? RedisClients.ownResources() : null;
        RedisURI uri = RedisClients.withHandshakeTimeout(builder.uri, builder.connectTimeout, builder.commandTimeout);
        this.client = RedisClients.create(ownedResources != null ? ownedResources : builder.clientResources, uri,
                builder.connectTimeout, builder.commandTimeout, builder.requestQueueSize);

        this.connector = new RedisConnector(client, uri, channel, executor, new RedisConnector.Events() {
            @Override
            public void message(String message) {
                onMessage(message);
            }

            @Override
            public void resync() {
                resyncAll();
            }

            @Override
            public void down() {
                downAll();
            }
        }, builder.healthCheckInterval);
        this.context = new RedisContext(connector, executor, builder.clock, builder.keyPrefix, channel, replicaId,
                builder.probeWait.toNanos(), builder.flushInterval.toNanos());
        connector.start(); // after the context is made: the connector's events use it
        long flushInterval = builder.flushInterval.toNanos();
        executor.scheduleWithFixedDelay(this::tick, flushInterval, flushInterval, TimeUnit.NANOSECONDS);
        long republish = builder.republishInterval.toMillis();
        executor.scheduleWithFixedDelay(() -> context.links().forEach(link -> {
            try {
                link.republish();
            } catch (RuntimeException e) {
                log.warn("Redis breaker store could not republish {}", link.id, e);
            }
        }), republish, republish, TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SharedState attach(BreakerId id, BreakerConfig config, LocalBreaker local) {
        RedisLink link = new RedisLink(context, id, config, local);
        context.add(link);
        // A replica that starts late, or a breaker created after a trip elsewhere, reads the stored state.
        resyncSoon(link);
        return link;
    }

    /** {@code redis}; connected while Redis answers; the detail names the last error of an outage. */
    @Override
    public StoreStatus status() {
        return connector.status();
    }

    /** This replica's name in Redis (in the counts hashes, probe leases and messages). */
    public String replicaId() {
        return context.replicaId;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        connector.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        if (ownedResources != null) {
            ownedResources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    /** Subscription thread: hands a message to the link of the breaker it is about. */
    private void onMessage(String text) {
        Messages.Message message = Messages.parse(text);
        RedisLink link = message == null ? null : context.link(message.id());
        if (link == null) {
            return;
        }
        if (message instanceof Messages.StateChanged changed) {
            link.onStateMessage(changed.state(), changed.origin());
        } else if (!message.origin().equals(context.replicaId)) {
            link.wake(); // our own wake-up message is not news
        }
    }

    /** The other replicas' counts that the breaker judges with; for tests. */
    WindowCounts remoteCounts(BreakerId id) {
        RedisLink link = context.link(id);
        return link == null ? WindowCounts.EMPTY : link.remoteCounts();
    }

    /** Store thread, every flush interval: queued flushes, then a bounded number of queued resyncs. */
    private void tick() {
        RedisLink link;
        while ((link = context.nextToFlush()) != null) {
            try {
                link.flush();
            } catch (RuntimeException e) {
                log.warn("Redis breaker store could not share the counts of {}", link.id, e);
            }
        }
        while (resyncsInFlight.get() < MAX_RESYNCS_IN_FLIGHT && (link = toResync.poll()) != null) {
            try {
                CompletableFuture<?> sent = link.resync();
                if (sent != null) {
                    resyncsInFlight.incrementAndGet();
                    sent.whenComplete((reply, error) -> {
                        resyncsInFlight.decrementAndGet();
                        if (!toResync.isEmpty()) {
                            executor.execute(this::tick);
                        }
                    });
                }
            } catch (RuntimeException e) {
                log.warn("Redis breaker store could not resync {}", link.id, e);
            }
        }
    }

    /** Redis became usable, or the subscription was remade: messages may have been missed. */
    private void resyncAll() {
        context.links().forEach(this::resyncSoon);
    }

    /** Redis became unusable: every breaker carries on with its local counts. */
    private void downAll() {
        context.links().forEach(RedisLink::onStoreDown);
    }

    private void resyncSoon(RedisLink link) {
        if (link.queueResync()) {
            toResync.offer(link);
        }
    }

    /** Builds a {@link RedisStateStore}; only the URI is required. */
    public static final class Builder {

        private RedisURI uri;
        private ClientResources clientResources;
        private String keyPrefix = "breaker:";
        private String replicaId;
        private BreakerClock clock = BreakerClock.system();
        private Duration commandTimeout = Duration.ofMillis(500);
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration probeWait = Duration.ofMillis(5);
        private Duration flushInterval = Duration.ofMillis(10);
        private Duration republishInterval = Duration.ofSeconds(10);
        private Duration healthCheckInterval = Duration.ofSeconds(1);
        private int requestQueueSize = 10_000;

        private Builder() {
        }

        /** The Redis to share state through, such as {@code redis://localhost:6379} or {@code rediss://:secret@host:6380/2}. */
        public Builder uri(String uri) {
            return uri(RedisURI.create(uri));
        }

        public Builder uri(RedisURI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** Lettuce resources to share (event loops); by default the store makes and owns small ones. */
        public Builder clientResources(ClientResources clientResources) {
            this.clientResources = clientResources;
            return this;
        }

        /** Starts every key and the events channel; default {@code breaker:}. Replicas that share state use the same. */
        public Builder keyPrefix(String keyPrefix) {
            if (keyPrefix == null || keyPrefix.indexOf('{') >= 0 || keyPrefix.indexOf('}') >= 0) {
                throw new IllegalArgumentException("breaker.store.redis.key-prefix must not contain braces: " + keyPrefix);
            }
            this.keyPrefix = keyPrefix;
            return this;
        }

        /** This replica's name in Redis; a random one by default. Must differ between replicas. */
        public Builder replicaId(String replicaId) {
            if (replicaId == null || replicaId.isEmpty() || replicaId.contains(" ")) {
                throw new IllegalArgumentException("replica id must be non-empty and contain no space: " + replicaId);
            }
            this.replicaId = replicaId;
            return this;
        }

        /** The registry's clock; only its wall time is read, to compute how long an open state is kept. */
        public Builder clock(BreakerClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Every command fails after this; Redis then counts as unreachable until a command succeeds. Default 500 ms.
         * Nothing waits for it: it only decides how soon a stalled Redis counts as down. */
        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = positive(commandTimeout, "commandTimeout");
            return this;
        }

        /** How long opening a connection (and its handshake) may take. Default 2 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How long a half-open call waits for its shared probe lease. Past it the call is not a probe
         * (it is rejected like any call beyond {@code half-open-max-calls}), and the lease, if granted
         * later, is kept for this replica's next probe. Default 5 ms.
         */
        public Builder probeWait(Duration probeWait) {
            this.probeWait = positive(probeWait, "probeWait");
            return this;
        }

        /**
         * Failures are shared at the next tick of this period (at most once per tick per breaker;
         * they are batched meanwhile). Default 10 ms.
         */
        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = positive(flushInterval, "flushInterval");
            return this;
        }

        /** How often non-closed states are written back where Redis lost them. Default 10 s. */
        public Builder republishInterval(Duration republishInterval) {
            this.republishInterval = positive(republishInterval, "republishInterval");
            return this;
        }

        /** How often an otherwise idle store PINGs Redis, to notice an outage. Default 1 s. */
        public Builder healthCheckInterval(Duration healthCheckInterval) {
            this.healthCheckInterval = positive(healthCheckInterval, "healthCheckInterval");
            return this;
        }

        /** Commands queued beyond this are refused at once instead of using memory. Default 10,000. */
        public Builder requestQueueSize(int requestQueueSize) {
            if (requestQueueSize < 1) {
                throw new IllegalArgumentException("requestQueueSize must be positive: " + requestQueueSize);
            }
            this.requestQueueSize = requestQueueSize;
            return this;
        }

        /** Builds the store and starts connecting in the background; never blocks, even if Redis is down. */
        public RedisStateStore build() {
            if (uri == null) {
                throw new IllegalStateException("RedisStateStore needs a uri, for example redis://localhost:6379");
            }
            return new RedisStateStore(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration: " + value);
            }
            return value;
        }
    }
}
