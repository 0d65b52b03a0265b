package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.outbound.OutboundGuard;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The guard that HTTP clients outside Spring (the LLM SDKs, LangChain4j) go through: the same
 * provider choice, keys and judging as the {@code WebClient} filter and {@code RestClient} interceptor.
 */
@AutoConfiguration(after = BreakerAutoConfiguration.class)
@ConditionalOnBean({BreakerProviders.class, BreakerRegistry.class})
public final class BreakerOutboundGuardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboundGuard breakerOutboundGuard(BreakerProviders providers, BreakerRegistry registry) {
        return new OutboundGuard(providers, registry);
    }
}
