package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.ProviderSettings;
import dev.breaker.spring.metrics.BreakerMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.util.HashMap;
import java.util.Map;

/**
 * Micrometer meters of every breaker ({@code breaker.state}, {@code breaker.trips},
 * {@code breaker.rejections}, {@code breaker.calls}), bound to the application's meter registry, with
 * at most {@code key-series-limit} keys per provider in series of their own.
 */
@AutoConfiguration(after = BreakerAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBooleanProperty(name = "breaker.enabled", matchIfMissing = true)
@ConditionalOnBean({MeterRegistry.class, BreakerRegistry.class})
public final class BreakerMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BreakerMeters breakerMeters(BreakerRegistry registry, BreakerProviders providers) {
        Map<String, BreakerMeters.KeySeries> policies = new HashMap<>();
        for (ProviderSettings provider : providers.all()) {
            policies.put(provider.name(), provider.keyTag()
                    ? new BreakerMeters.KeySeries(provider.keySeriesLimit(), BreakerMeters.OTHER_KEYS)
                    : new BreakerMeters.KeySeries(0, ProviderSettings.WHOLE_PROVIDER));
        }
        return new BreakerMeters(registry, policies);
    }
}
