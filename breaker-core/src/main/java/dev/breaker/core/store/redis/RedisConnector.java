package dev.breaker.core.store.redis;

import dev.breaker.core.StoreStatus;
import dev.breaker.core.store.redis.RedisScripts.Script;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store's two Redis connections (commands, and the subscription to the events channel) and
 * whether Redis is usable.
 *
 * <p>Redis is <em>usable</em> while the command connection is open and the last command that
 * reached a verdict succeeded. A command that times out or is rejected (Lettuce rejects commands at
 * once while disconnected) makes it unusable until a later command succeeds; a health PING every
 * {@code healthCheckInterval} (every 100 ms while unusable) notices both an outage on an idle store
 * and the return of Redis. Each change is logged once, so an outage costs two log lines, not one per
 * call. Errors that Redis itself answers (a script error, out of memory) do not make it unusable;
 * they are logged at most once a minute.
 *
 * <p>Lettuce reconnects both connections by itself and re-subscribes the channel; this class only
 * retries the very first connection, which Lettuce does not.
 */
final class RedisConnector implements AutoCloseable {

    /** What the store hears. */
    interface Events {

        /**
         * A message arrived on the events channel; called on the subscription's own thread, in the
         * order Redis sent them, so that a trip is applied without one more thread hand-off.
         */
        void message(String message);

        /** Redis became usable, or the subscription was (re)made: messages may have been missed. Store thread. */
        void resync();

        /** Redis became unusable: breakers carry on locally. Store thread. */
        void down();
    }

    private enum Health { CONNECTING, UP, DOWN }

    private static final Logger log = LoggerFactory.getLogger(RedisStateStore.class);
    private static final long COMMAND_ERROR_LOG_MILLIS = 60_000;
    private static final long DOWN_PING_MILLIS = 100;
    private static final long MAX_CONNECT_RETRY_MILLIS = 2_000;

    private final RedisClient client;
    private final RedisURI uri;
    private final String channel;
    private final ScheduledExecutorService executor;
    private final Events events;
    private final long healthIntervalMillis;

    private volatile StatefulRedisConnection<String, String> commands;
    private volatile boolean closed;
    private volatile boolean subscribed;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile long lastSubscribeMillis;

    private final AtomicReference<Health> health = new AtomicReference<>(Health.CONNECTING);
    private final AtomicBoolean pingInFlight = new AtomicBoolean();
    private volatile long lastPingMillis;
    private volatile String lastError;
    private volatile Instant downSince;
    private volatile long lastCommandErrorLog;

    RedisConnector(RedisClient client, RedisURI uri, String channel, ScheduledExecutorService executor, Events events,
                   Duration healthCheckInterval) {
        this.client = client;
        this.uri = uri;
        this.channel = channel;
        this.executor = executor;
        this.events = events;
        this.healthIntervalMillis = healthCheckInterval.toMillis();
    }

    void start() {
        executor.execute(() -> connectCommands(50));
        executor.execute(() -> connectPubSub(50));
        long tick = Math.min(DOWN_PING_MILLIS, healthIntervalMillis);
        executor.scheduleWithFixedDelay(this::healthTick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Whether commands are worth sending now. A volatile read or two: callers may ask per call. */
    boolean usable() {
        StatefulRedisConnection<String, String> connection = commands;
        return health.get() == Health.UP && connection != null && connection.isOpen();
    }

    /** Connected means both: commands succeed and this replica hears the others' messages. */
    StoreStatus status() {
        boolean connected = usable() && subscribed;
        String detail;
        if (connected) {
            detail = null;
        } else if (usable()) {
            detail = "subscribing to " + channel + " at " + address();
        } else if (health.get() == Health.CONNECTING && lastError == null) {
            detail = "connecting to " + address();
        } else {
            detail = (lastError == null ? "disconnected" : lastError)
                    + (downSince == null ? "" : " (since " + downSince + ")");
        }
        return new StoreStatus("redis", connected, detail);
    }

    /**
     * Runs a script by its SHA, and by its text where Redis has lost its script cache (a restart).
     * Never throws: a failure completes the future exceptionally and is recorded here.
     */
    <T> CompletableFuture<T> eval(Script script, ScriptOutputType type, String[] keys, String... args) {
        StatefulRedisConnection<String, String> connection = commands;
        if (connection == null) {
            return CompletableFuture.failedFuture(new RedisException("Not connected to Redis yet"));
        }
        CompletableFuture<T> result;
        try {
            RedisAsyncCommands<String, String> async = connection.async();
            result = async.<T>evalsha(script.sha(), type, keys, args).toCompletableFuture()
                    .exceptionallyCompose(error -> unwrap(error) instanceof RedisNoScriptException
                            ? async.<T>eval(script.body(), type, keys, args).toCompletableFuture()
                            : CompletableFuture.failedFuture(error));
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return track(result);
    }

    /** Removes one member of a sorted set, without waiting. */
    void zrem(String key, String member) {
        StatefulRedisConnection<String, String> connection = commands;
        if (connection == null) {
            return;
        }
        try {
            track(connection.async().zrem(key, member).toCompletableFuture());
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** Stops reporting and reconnecting; the client's shutdown closes the connections. */
    @Override
    public void close() {
        closed = true;
    }

    // ---- connecting ------------------------------------------------------------------------

    private void connectCommands(long retryMillis) {
        if (closed) {
            return;
        }
        client.connectAsync(StringCodec.UTF8, uri).whenCompleteAsync((connection, error) -> {
            if (error != null) {
                failed(error);
                executor.schedule(() -> connectCommands(nextRetry(retryMillis)), retryMillis, TimeUnit.MILLISECONDS);
                return;
            }
            if (closed) {
                connection.closeAsync();
                return;
            }
            connection.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                    executor.execute(RedisConnector.this::ping);
                }

                @Override
                public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                    failed(new RedisException("Connection to Redis lost"));
                }
            });
            commands = connection;
            ping();
        }, executor);
    }

    private void connectPubSub(long retryMillis) {
        if (closed) {
            return;
        }
        client.connectPubSubAsync(StringCodec.UTF8, uri).whenCompleteAsync((connection, error) -> {
            if (error != null) {
                // The command connection reports the outage; this one only retries.
                executor.schedule(() -> connectPubSub(nextRetry(retryMillis)), retryMillis, TimeUnit.MILLISECONDS);
                return;
            }
            if (closed) {
                connection.closeAsync();
                return;
            }
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    try {
                        events.message(message);
                    } catch (RuntimeException e) {
                        log.warn("Redis breaker store could not apply a message: {}", message, e);
                    }
                }

                @Override
                public void subscribed(String subscribedChannel, long count) {
                    subscribed = true;
                    // Also after every reconnection: messages sent meanwhile are lost, so resync.
                    executor.execute(() -> {
                        if (usable()) {
                            events.resync();
                        }
                    });
                }
            });
            connection.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                    subscribed = false;
                }
            });
            subscription = connection;
            subscribe(connection);
        }, executor);
    }

    /**
     * Asks Redis for the subscription. Lettuce re-subscribes by itself after a reconnection; where
     * that or this attempt fails (a timeout), the health tick asks again until Redis confirms.
     */
    private void subscribe(StatefulRedisPubSubConnection<String, String> connection) {
        if (closed || subscribed || !connection.isOpen()) {
            return;
        }
        lastSubscribeMillis = System.currentTimeMillis();
        try {
            connection.async().subscribe(channel);
        } catch (RuntimeException e) {
            log.debug("Redis breaker store could not subscribe yet", e);
        }
    }

    private static long nextRetry(long retryMillis) {
        return Math.min(MAX_CONNECT_RETRY_MILLIS, retryMillis * 2);
    }

    // ---- health ----------------------------------------------------------------------------

    private void healthTick() {
        try {
            checkHealth();
        } catch (RuntimeException e) {
            log.warn("Redis breaker store health check failed", e); // a thrown task would stop the schedule
        }
    }

    private void checkHealth() {
        long now = System.currentTimeMillis();
        StatefulRedisPubSubConnection<String, String> connection = subscription;
        if (connection != null && !subscribed && now - lastSubscribeMillis >= healthIntervalMillis) {
            subscribe(connection);
        }
        if (health.get() != Health.UP || now - lastPingMillis >= healthIntervalMillis) {
            ping();
        }
    }

    private void ping() {
        StatefulRedisConnection<String, String> connection = commands;
        if (closed || connection == null || !pingInFlight.compareAndSet(false, true)) {
            return;
        }
        lastPingMillis = System.currentTimeMillis();
        CompletableFuture<String> reply;
        try {
            reply = connection.async().ping().toCompletableFuture();
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        track(reply).whenComplete((pong, error) -> pingInFlight.set(false));
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> command) {
        return command.whenComplete((result, error) -> {
            if (error == null) {
                succeeded();
            } else {
                failed(error);
            }
        });
    }

    private void succeeded() {
        if (health.get() == Health.UP || closed) {
            return;
        }
        Health before = health.getAndSet(Health.UP);
        if (before == Health.UP) {
            return;
        }
        if (before == Health.DOWN && downSince != null) {
            log.info("Redis breaker store at {} is reachable again after {} ms; resynchronising shared state",
                    address(), Duration.between(downSince, Instant.now()).toMillis());
        } else {
            log.info("Redis breaker store connected to {}", address());
        }
        lastError = null;
        downSince = null;
        executor.execute(events::resync);
    }

    private void failed(Throwable error) {
        Throwable cause = unwrap(error);
        if (closed) {
            return;
        }
        if (cause instanceof RedisCommandExecutionException
                && !(cause instanceof RedisBusyException) && !(cause instanceof RedisLoadingException)) {
            commandError(cause);
            return;
        }
        lastError = describe(cause);
        log.debug("Redis breaker store command failed", cause);
        Health before = health.getAndSet(Health.DOWN);
        if (before != Health.DOWN) {
            downSince = Instant.now();
            log.warn("Redis breaker store at {} is unreachable ({}); every breaker carries on locally until it is back",
                    address(), lastError);
            executor.execute(events::down);
        }
    }

    private void commandError(Throwable cause) {
        lastError = describe(cause);
        long now = System.currentTimeMillis();
        if (now - lastCommandErrorLog >= COMMAND_ERROR_LOG_MILLIS) {
            lastCommandErrorLog = now;
            log.warn("Redis breaker store at {} refused a command: {} (logged at most once a minute)", address(), lastError);
        }
    }

    private String address() {
        return uri.getHost() + ":" + uri.getPort();
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
