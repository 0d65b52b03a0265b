package dev.breaker.core.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Lettuce client a store talks through, set up so that Redis can never hold up a call: a
 * command is rejected at once while disconnected and fails after {@code commandTimeout} otherwise,
 * which {@link RedisConnector} reads as "Redis is unusable"; beyond {@code requestQueueSize} queued
 * commands are refused instead of using memory.
 */
final class RedisClients {

    private RedisClients() {
    }

    /** Small event loops for a store that was given none: the store owns them and shuts them down. */
    static ClientResources ownResources() {
        return DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    /**
     * {@code uri} with the timeout that bounds the connection handshake, the longer of the two;
     * commands get theirs from the client's {@code TimeoutOptions}.
     */
    static RedisURI withHandshakeTimeout(RedisURI uri, Duration connectTimeout, Duration commandTimeout) {
        Duration handshake = connectTimeout.compareTo(commandTimeout) > 0 ? connectTimeout : commandTimeout;
        return RedisURI.builder(uri).withTimeout(handshake).build();
    }

    static RedisClient create(ClientResources resources, RedisURI uri, Duration connectTimeout, Duration commandTimeout,
                              int requestQueueSize) {
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(requestQueueSize)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
                .build());
        return client;
    }
}
