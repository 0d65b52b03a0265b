package dev.breaker.spring.autoconfigure;

import dev.breaker.spring.outbound.OutboundGuard;
import dev.breaker.spring.web.client.BreakerClientHttpRequestInterceptor;
import dev.breaker.spring.web.client.BreakerRestClientCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Guards outbound {@code RestClient} calls: the breaker interceptor as a bean, for hand-built clients,
 * and added to every client built from Spring Boot's {@code RestClient.Builder}.
 */
@AutoConfiguration(after = BreakerOutboundGuardAutoConfiguration.class)
@ConditionalOnClass(RestClient.class)
@ConditionalOnBean(OutboundGuard.class)
public final class BreakerRestClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BreakerClientHttpRequestInterceptor breakerClientHttpRequestInterceptor(OutboundGuard guard) {
        return new BreakerClientHttpRequestInterceptor(guard);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RestClientCustomizer.class)
    static class BuilderCustomization {

        @Bean
        @ConditionalOnMissingBean
        BreakerRestClientCustomizer breakerRestClientCustomizer(BreakerClientHttpRequestInterceptor interceptor) {
            return new BreakerRestClientCustomizer(interceptor);
        }
    }
}
