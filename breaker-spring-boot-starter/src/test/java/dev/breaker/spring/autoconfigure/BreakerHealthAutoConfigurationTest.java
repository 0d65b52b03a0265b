package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.actuate.CircuitBreakersHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerHealthAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class, BreakerHealthAutoConfiguration.class))
            .withPropertyValues("breaker.providers.anthropic.failure-threshold=5");

    @Test
    void autoConfiguresTheCircuitBreakersHealthIndicator() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(CircuitBreakersHealthIndicator.class);
            assertThat(context).hasBean("circuitBreakersHealthIndicator");
        });
    }

    @Test
    void allowsACustomHealthIndicatorUnderTheSameName() {
        runner.withBean("circuitBreakersHealthIndicator", HealthIndicator.class, () -> () -> Health.unknown().build())
                .run(context -> assertThat(context).doesNotHaveBean(CircuitBreakersHealthIndicator.class));
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("management.health.circuitbreakers.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CircuitBreakersHealthIndicator.class));
    }

    @Test
    void passesDownWhenOpenToTheIndicator() {
        runner.withPropertyValues("breaker.health.down-when-open=true").run(context -> {
            context.getBean(BreakerRegistry.class).breaker("anthropic", "/v1/messages").forceOpen();

            assertThat(context.getBean(CircuitBreakersHealthIndicator.class).health(false).getStatus())
                    .isEqualTo(Status.DOWN);
        });
    }
}
