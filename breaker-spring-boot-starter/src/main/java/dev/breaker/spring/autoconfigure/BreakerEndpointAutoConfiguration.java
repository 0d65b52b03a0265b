package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.actuate.CircuitBreakersEndpoint;
import dev.breaker.spring.actuate.ProviderBreakersEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code circuitbreakers} Actuator endpoint.
 *
 * <p>resilience4j's Spring Boot module registers an endpoint with the same id, and Actuator refuses
 * two endpoints with one id. When resilience4j's endpoint is there, ours is registered as
 * {@code providerbreakers} instead (same paths below it, same JSON), so both stay reachable; expose
 * it with {@code management.endpoints.web.exposure.include=providerbreakers}. This configuration runs
 * after resilience4j's so that it can tell.
 */
@AutoConfiguration(after = BreakerAutoConfiguration.class,
        afterName = BreakerEndpointAutoConfiguration.RESILIENCE4J_AUTO_CONFIGURATION)
@ConditionalOnClass({WebEndpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBooleanProperty(name = "breaker.enabled", matchIfMissing = true)
@ConditionalOnBean(BreakerRegistry.class)
public final class BreakerEndpointAutoConfiguration {

    static final String RESILIENCE4J_AUTO_CONFIGURATION =
            "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration";

    static final String RESILIENCE4J_ENDPOINT =
            "io.github.resilience4j.springboot.circuitbreaker.monitoring.endpoint.CircuitBreakerEndpoint";

    @Bean
    @ConditionalOnMissingBean(value = CircuitBreakersEndpoint.class, type = RESILIENCE4J_ENDPOINT)
    @ConditionalOnAvailableEndpoint
    CircuitBreakersEndpoint circuitBreakersEndpoint(BreakerRegistry registry) {
        return new CircuitBreakersEndpoint(registry);
    }

    @Bean
    @ConditionalOnBean(type = RESILIENCE4J_ENDPOINT)
    @ConditionalOnMissingBean(CircuitBreakersEndpoint.class)
    @ConditionalOnAvailableEndpoint
    ProviderBreakersEndpoint providerBreakersEndpoint(BreakerRegistry registry) {
        return new ProviderBreakersEndpoint(registry);
    }
}
