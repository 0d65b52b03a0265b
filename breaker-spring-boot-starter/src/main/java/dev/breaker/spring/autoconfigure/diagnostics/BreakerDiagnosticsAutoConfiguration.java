package dev.breaker.spring.autoconfigure.diagnostics;

import dev.breaker.spring.autoconfigure.BreakerAutoConfiguration;
import dev.breaker.spring.provider.BreakerProviders;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Start-up diagnostics: unknown {@code breaker.*} keys stop the start-up (or, from environment
 * variables, are logged), and a provider that its configuration cannot select, or an exposed
 * {@code circuitbreakers} endpoint without Actuator, is reported in one log line that names the fix.
 */
@AutoConfiguration(after = BreakerAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "breaker.enabled", matchIfMissing = true)
public final class BreakerDiagnosticsAutoConfiguration {

    @Bean
    static UnknownPropertiesCheck breakerUnknownPropertiesCheck(Environment environment) {
        return new UnknownPropertiesCheck(environment);
    }

    @Bean
    @ConditionalOnBean(BreakerProviders.class)
    ProviderSelectionCheck breakerProviderSelectionCheck(ListableBeanFactory beanFactory, BreakerProviders providers) {
        return new ProviderSelectionCheck(beanFactory, providers);
    }

    @Bean
    ActuatorExposureCheck breakerActuatorExposureCheck(Environment environment) {
        return new ActuatorExposureCheck(environment);
    }
}
