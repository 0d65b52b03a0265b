package dev.breaker.spring.autoconfigure;

import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.StateStore;
import dev.breaker.core.store.redis.RedisStateStore;
import dev.breaker.spring.provider.InvalidBreakerPropertyException;
import io.lettuce.core.RedisURI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * {@code breaker.store.type=redis}: every replica shares its breakers through Redis. The connection
 * is {@code breaker.store.redis.url}, else the application's own {@code spring.data.redis.*}
 * settings (read from the environment, so Spring Data Redis need not be present). Lettuce must be
 * on the classpath; without it the application does not start, rather than silently keeping each
 * replica's breakers apart.
 */
@AutoConfiguration(before = BreakerAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "breaker.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "breaker.store.type", havingValue = "redis")
public final class BreakerRedisStoreAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.lettuce.core.RedisClient")
    @EnableConfigurationProperties(BreakerProperties.class)
    static final class RedisStore {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(StateStore.class)
        RedisStateStore breakerStateStore(BreakerProperties properties, Environment environment,
                                          ObjectProvider<BreakerClock> clock) {
            BreakerProperties.Redis redis = properties.getStore().getRedis();
            Binder binder = Binder.get(environment);
            RedisStateStore.Builder store = RedisStateStore.builder()
                    .uri(redisUri(redis.getUrl(), binder))
                    .keyPrefix(redis.getKeyPrefix())
                    .clock(clock.getIfAvailable(BreakerClock::system));
            binder.bind("spring.data.redis.connect-timeout", Duration.class).ifBound(store::connectTimeout);
            return store.build();
        }

        /** {@code breaker.store.redis.url}, else {@code spring.data.redis.url}, else its host, port and the rest. */
        static RedisURI redisUri(String url, Binder binder) {
            boolean own = url != null && !url.isBlank();
            String chosen = own ? url : binder.bind("spring.data.redis.url", String.class).orElse(null);
            if (chosen != null && !chosen.isBlank()) {
                try {
                    return RedisURI.create(chosen);
                } catch (IllegalArgumentException e) {
                    throw new InvalidBreakerPropertyException(own ? "breaker.store.redis.url" : "spring.data.redis.url",
                            chosen, "use a Redis URL such as redis://localhost:6379 or rediss://:password@host:6380/0");
                }
            }
            RedisURI.Builder uri = RedisURI.builder()
                    .withHost(binder.bind("spring.data.redis.host", String.class).orElse("localhost"))
                    .withPort(binder.bind("spring.data.redis.port", Integer.class).orElse(6379))
                    .withDatabase(binder.bind("spring.data.redis.database", Integer.class).orElse(0))
                    .withSsl(binder.bind("spring.data.redis.ssl.enabled", Boolean.class).orElse(false));
            String password = binder.bind("spring.data.redis.password", String.class).orElse(null);
            if (password != null) {
                String username = binder.bind("spring.data.redis.username", String.class).orElse(null);
                if (username != null) {
                    uri.withAuthentication(username, password);
                } else {
                    uri.withPassword(password.toCharArray());
                }
            }
            binder.bind("spring.data.redis.client-name", String.class).ifBound(uri::withClientName);
            return uri.build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("io.lettuce.core.RedisClient")
    static final class LettuceMissing {

        @Bean
        StateStore breakerStateStore() {
            throw new InvalidBreakerPropertyException("breaker.store.type", "redis",
                    "the redis store needs io.lettuce:lettuce-core on the classpath (add it, or spring-boot-starter-data-redis), "
                            + "or use breaker.store.type=memory");
        }
    }
}
