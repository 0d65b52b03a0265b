package dev.breaker.core.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A real Redis server for tests, on a free loopback port that stays the same across {@link #restart()},
 * with no persistence (so a restart comes back empty and leaves no files behind).
 */
final class EmbeddedRedis implements AutoCloseable {

    final int port;
    private RedisServer server;
    private RedisClient adminClient;
    private StatefulRedisConnection<String, String> admin;

    private EmbeddedRedis(int port) {
        this.port = port;
    }

    static EmbeddedRedis start() {
        EmbeddedRedis redis = new EmbeddedRedis(freePort());
        redis.startServer();
        return redis;
    }

    /** A server that is not running yet, on a free port. */
    static EmbeddedRedis notStarted() {
        return new EmbeddedRedis(freePort());
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    void startServer() {
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the server; every replica loses its connections. */
    void stop() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops and starts an empty server on the same port. */
    void restart() {
        stop();
        startServer();
    }

    /** A separate connection for the test to look at and disturb Redis with. */
    RedisCommands<String, String> admin() {
        if (admin == null) {
            adminClient = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                    .withTimeout(Duration.ofSeconds(5)).build());
            admin = adminClient.connect();
        }
        return admin.sync();
    }

    /**
     * Freezes the whole server for {@code seconds} ({@code DEBUG SLEEP}), like a long fork or a
     * stalled host: connections stay open and commands wait. Returns at once; the future completes when the pause ends.
     */
    CompletableFuture<String> pause(double seconds) {
        admin().ping();
        CompletableFuture<String> sleeping = admin.async().dispatch(CommandType.DEBUG,
                new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add("SLEEP").add(Double.toString(seconds))).toCompletableFuture();
        return sleeping;
    }

    @Override
    public void close() {
        if (adminClient != null) {
            adminClient.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
