package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.actuate.CircuitBreakersHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code circuitBreakers} health component ({@code /actuator/health/circuitBreakers}); switch it
 * off with {@code management.health.circuitbreakers.enabled=false}.
 *
 * <p>resilience4j's Spring Boot module can register a health indicator under the same bean name
 * ({@code circuitBreakersHealthIndicator}, when {@code management.health.circuitbreakers.enabled=true}).
 * When it has, ours is registered as {@code providerBreakersHealthIndicator} (component
 * {@code providerBreakers}) rather than clash with it or vanish.
 */
@AutoConfiguration(after = BreakerAutoConfiguration.class,
        afterName = BreakerHealthAutoConfiguration.RESILIENCE4J_HEALTH_AUTO_CONFIGURATION)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBooleanProperty(name = "breaker.enabled", matchIfMissing = true)
@ConditionalOnBean(BreakerRegistry.class)
@ConditionalOnEnabledHealthIndicator("circuit-breakers")
public final class BreakerHealthAutoConfiguration {

    static final String RESILIENCE4J_HEALTH_AUTO_CONFIGURATION =
            "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakersHealthIndicatorAutoConfiguration";

    static final String RESILIENCE4J_HEALTH_INDICATOR =
            "io.github.resilience4j.springboot.circuitbreaker.monitoring.health.CircuitBreakersHealthIndicator";

    @Bean
    @ConditionalOnMissingBean(value = CircuitBreakersHealthIndicator.class, name = "circuitBreakersHealthIndicator")
    CircuitBreakersHealthIndicator circuitBreakersHealthIndicator(BreakerRegistry registry, BreakerProperties properties) {
        return new CircuitBreakersHealthIndicator(registry, properties.getHealth().isDownWhenOpen());
    }

    @Bean
    @ConditionalOnBean(type = RESILIENCE4J_HEALTH_INDICATOR)
    @ConditionalOnMissingBean(CircuitBreakersHealthIndicator.class)
    CircuitBreakersHealthIndicator providerBreakersHealthIndicator(BreakerRegistry registry,
                                                                   BreakerProperties properties) {
        return new CircuitBreakersHealthIndicator(registry, properties.getHealth().isDownWhenOpen());
    }
}
