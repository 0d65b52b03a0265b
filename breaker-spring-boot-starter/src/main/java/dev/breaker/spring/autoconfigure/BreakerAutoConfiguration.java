package dev.breaker.spring.autoconfigure;

import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.BreakerListener;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.RegistryListener;
import dev.breaker.core.store.InMemoryStateStore;
import dev.breaker.core.StateStore;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.ProviderSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The core of the starter: the providers from {@code breaker.*} and the registry of their breakers.
 * The web, metrics, actuator and annotation integrations each have their own auto-configuration.
 *
 * <p>{@code breaker.enabled=false} turns protection off without breaking an application's wiring: the
 * beans that applications inject into their own clients (the {@code WebClient} filter, the
 * {@code RestClient} interceptor, the LLM SDK adapters) stay and pass every call through, because
 * every provider is then disabled; the inbound filter, the aspect, meters, endpoint, health and the
 * Redis store are not configured at all.
 */
@AutoConfiguration
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
