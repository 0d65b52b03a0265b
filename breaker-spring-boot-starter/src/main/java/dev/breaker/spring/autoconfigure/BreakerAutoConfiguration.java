package dev.breaker.spring.autoconfigure;

import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.event.BreakerListener;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.RegistryListener;
import dev.breaker.core.store.InMemoryStateStore;
import dev.breaker.core.store.StateStore;
import dev.breaker.spring.config.BreakerProviders;
import dev.breaker.spring.config.ProviderSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The core of the starter: the providers from {@code breaker.*} and the registry of their breakers.
 * The web, metrics, actuator and annotation integrations each have their own auto-configuration.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "breaker.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BreakerProperties.class)
public final class BreakerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BreakerProviders breakerProviders(BreakerProperties properties) {
        return new ProviderSettingsResolver(properties).resolve();
    }

    @Bean
    @ConditionalOnMissingBean
    BreakerClock breakerClock() {
        return BreakerClock.system();
    }

    @Bean
    @ConditionalOnMissingBean
    StateStore breakerStateStore() {
        return InMemoryStateStore.INSTANCE;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    BreakerRegistry breakerRegistry(BreakerProviders providers, BreakerClock clock, StateStore store,
                                    ObjectProvider<BreakerListener> listeners,
                                    ObjectProvider<RegistryListener> registryListeners) {
        BreakerRegistry.Builder builder = BreakerRegistry.builder().clock(clock).store(store);
        for (ProviderSettings provider : providers.all()) {
            builder.provider(provider.name(), provider.breaker());
        }
        BreakerRegistry registry = builder.build();
        listeners.orderedStream().forEach(registry::addListener);
        registryListeners.orderedStream().forEach(registry::addRegistryListener);
        return registry;
    }
}
