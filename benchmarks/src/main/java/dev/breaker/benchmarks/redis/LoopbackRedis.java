package dev.breaker.benchmarks.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * A real Redis server (the binary embedded-redis ships) on a free loopback port, with no persistence,
 * for the benchmark. The same helper as breaker-core's tests use.
 */
public final class LoopbackRedis implements AutoCloseable {

    final int port;
    private RedisServer server;
    private RedisClient adminClient;
    private StatefulRedisConnection<String, String> admin;

    private LoopbackRedis(int port) {
        this.port = port;
    }

    static LoopbackRedis start() {
        LoopbackRedis redis = new LoopbackRedis(freePort());
        redis.startServer();
        return redis;
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

    /** Stops the server. */
    void stop() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A separate connection to read INFO and reset statistics with. */
    RedisCommands<String, String> admin() {
        if (admin == null) {
            adminClient = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                    .withTimeout(Duration.ofSeconds(5)).build());
            admin = adminClient.connect();
        }
        return admin.sync();
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
