package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.actuate.CircuitBreakersEndpoint;
import dev.breaker.spring.actuate.ProviderBreakersEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerEndpointAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, BreakerAutoConfiguration.class,
                    BreakerEndpointAutoConfiguration.class))
            .withPropertyValues("breaker.providers.anthropic.failure-threshold=5");

    @Test
    void autoConfiguresTheEndpointWhenItIsExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=circuitbreakers").run(context -> {
            assertThat(context).hasSingleBean(CircuitBreakersEndpoint.class);
            assertThat(context).doesNotHaveBean(ProviderBreakersEndpoint.class);
            assertThat(context.getBean(CircuitBreakersEndpoint.class).provider("anthropic").breakers()).isEmpty();
        });
    }

    @Test
    void allowsACustomEndpoint() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=circuitbreakers")
                .withBean("customEndpoint", CircuitBreakersEndpoint.class,
                        () -> new CircuitBreakersEndpoint(BreakerRegistry.builder().build()))
                .run(context -> assertThat(context).getBean(CircuitBreakersEndpoint.class)
                        .isSameAs(context.getBean("customEndpoint")));
    }

    @Test
    void leavesTheEndpointOutWhenItIsNotExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CircuitBreakersEndpoint.class));
    }

    @Test
    void leavesTheEndpointOutWhenItsAccessIsNone() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=circuitbreakers",
                        "management.endpoint.circuitbreakers.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(CircuitBreakersEndpoint.class));
    }
}
