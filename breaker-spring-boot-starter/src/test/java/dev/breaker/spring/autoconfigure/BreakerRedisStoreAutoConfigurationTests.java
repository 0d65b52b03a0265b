package dev.breaker.spring.autoconfigure;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerState;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.store.InMemoryStateStore;
import dev.breaker.core.StateStore;
import dev.breaker.core.store.redis.RedisStateStore;
import dev.breaker.spring.provider.InvalidBreakerPropertyException;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BreakerRedisStoreAutoConfigurationTests {

    private static RedisServer redis;
    private static int port;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class, BreakerRedisStoreAutoConfiguration.class))
            .withPropertyValues("breaker.providers.anthropic.failure-threshold=2");

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.stop();
    }

    @Test
    void keepsTheInMemoryStoreByDefault() {
        contextRunner.run(context -> {
            assertThat(context).doesNotHaveBean(RedisStateStore.class);
            assertThat(context).getBean(StateStore.class).isSameAs(InMemoryStateStore.INSTANCE);
        });
    }

    @Test
    void autoConfiguresRedisStateStoreWhenTheStoreTypeIsRedis() {
        contextRunner.withPropertyValues("breaker.store.type=redis", "breaker.store.redis.url=redis://127.0.0.1:" + port)
                .run(context -> {
                    assertThat(context).hasSingleBean(StateStore.class);
                    RedisStateStore store = context.getBean(RedisStateStore.class);
                    assertThat(context.getBean(BreakerRegistry.class).store()).isSameAs(store);
                    await().atMost(Duration.ofSeconds(30)).until(() -> store.status().connected());
                });
    }

    @Test
    void allowsCustomStateStore() {
        contextRunner.withPropertyValues("breaker.store.type=redis").withUserConfiguration(CustomStore.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(RedisStateStore.class);
                    assertThat(context).getBean(StateStore.class).isSameAs(context.getBean("customStore"));
                });
    }

    @Test
    void connectsWithTheApplicationsSpringDataRedisSettingsWhenNoUrlIsSet() {
        contextRunner.withPropertyValues("breaker.store.type=redis", "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + port).run(context -> {
                    RedisStateStore store = context.getBean(RedisStateStore.class);
                    await().atMost(Duration.ofSeconds(30)).until(() -> store.status().connected());
                });
    }

    @Test
    void replicasShareATrip() {
        ApplicationContextRunner replica = contextRunner.withPropertyValues("breaker.store.type=redis",
                "breaker.store.redis.url=redis://127.0.0.1:" + port, "breaker.store.redis.key-prefix=replicas:");
        replica.run(first -> replica.run(second -> {
            RedisStateStore firstStore = first.getBean(RedisStateStore.class);
            RedisStateStore secondStore = second.getBean(RedisStateStore.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> firstStore.status().connected() && secondStore.status().connected());
            Breaker other = second.getBean(BreakerRegistry.class).breaker("anthropic", "/v1/messages");

            Breaker breaker = first.getBean(BreakerRegistry.class).breaker("anthropic", "/v1/messages");
            breaker.acquire().onFailure(529);
            breaker.acquire().onFailure(529);

            assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
            await().atMost(Duration.ofSeconds(2)).until(() -> other.state() == BreakerState.OPEN);
        }));
    }

    @Test
    void stopsTheApplicationWhenTheRedisStoreIsChosenWithoutLettuce() {
        contextRunner.withPropertyValues("breaker.store.type=redis").withClassLoader(new FilteredClassLoader(RedisClient.class))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidBreakerPropertyException.class)
                            .hasMessageContaining("breaker.store.type").hasMessageContaining("lettuce-core");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomStore {

        @Bean
        StateStore customStore() {
            return InMemoryStateStore.INSTANCE;
        }
    }
}
