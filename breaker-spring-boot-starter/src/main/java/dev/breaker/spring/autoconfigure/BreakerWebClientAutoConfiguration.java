package dev.breaker.spring.autoconfigure;

import dev.breaker.spring.outbound.OutboundGuard;
import dev.breaker.spring.web.client.BreakerExchangeFilterFunction;
import dev.breaker.spring.web.client.BreakerWebClientCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Guards outbound {@code WebClient} calls: the breaker filter as a bean, for hand-built clients, and
 * added to every client built from Spring Boot's {@code WebClient.Builder}.
 */
@AutoConfiguration(after = BreakerOutboundGuardAutoConfiguration.class)
@ConditionalOnClass(WebClient.class)
@ConditionalOnBean(OutboundGuard.class)
public final class BreakerWebClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BreakerExchangeFilterFunction breakerExchangeFilterFunction(OutboundGuard guard) {
        return new BreakerExchangeFilterFunction(guard);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebClientCustomizer.class)
    static class BuilderCustomization {

        @Bean
        @ConditionalOnMissingBean
        BreakerWebClientCustomizer breakerWebClientCustomizer(BreakerExchangeFilterFunction filter) {
            return new BreakerWebClientCustomizer(filter);
        }
    }
}
