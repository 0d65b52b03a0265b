package dev.breaker.spring.autoconfigure;

import dev.breaker.core.clock.BreakerClock;
import dev.breaker.spring.fallback.FallbackChatModel;
import dev.breaker.spring.fallback.FallbackEntry;
import dev.breaker.spring.fallback.FallbackListener;
import dev.breaker.spring.metrics.FallbackMeters;
import dev.breaker.spring.provider.BreakerProviders;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * Failover between Spring AI chat models ({@code breaker.fallback.chat-models}): the primary
 * {@code ChatModel} bean {@code breakerFallbackChatModel}, which Spring AI's auto-configured
 * {@code ChatClient.Builder} then uses, and the meter {@code breaker.fallbacks}. Without the property,
 * none of it exists.
 */
@AutoConfiguration(after = BreakerAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(ChatModel.class)
@Conditional(OnFallbackChainCondition.class)
@ConditionalOnBean({BreakerProviders.class, BreakerClock.class})
public final class BreakerFallbackAutoConfiguration {

    @Bean(FallbackChainResolver.BEAN_NAME)
    @Primary
    @ConditionalOnMissingBean(name = FallbackChainResolver.BEAN_NAME)
    FallbackChatModel breakerFallbackChatModel(BreakerProperties properties, BreakerProviders providers,
                                               BreakerClock clock, ConfigurableListableBeanFactory beans,
                                               Environment environment, ObjectProvider<FallbackListener> listeners) {
        List<FallbackEntry> entries = new FallbackChainResolver(beans, beans.getBeanClassLoader(), environment,
                providers, new ProviderSettingsResolver(properties), clock)
                .resolve(properties.getFallback().getChatModels());
        List<FallbackListener> all = listeners.orderedStream().toList();
        return new FallbackChatModel(entries, move -> all.forEach(listener -> listener.moved(move)));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        @ConditionalOnMissingBean
        FallbackMeters breakerFallbackMeters(MeterRegistry registry, BreakerProperties properties) {
            return new FallbackMeters(registry, properties.getFallback().getChatModels().stream()
                    .map(String::trim).toList());
        }
    }
}
