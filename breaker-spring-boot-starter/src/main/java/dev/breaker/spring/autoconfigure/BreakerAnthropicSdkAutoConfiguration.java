package dev.breaker.spring.autoconfigure;

import com.anthropic.core.http.Interceptor;
import dev.breaker.spring.llm.AnthropicBreakerInterceptor;
import dev.breaker.spring.outbound.OutboundGuard;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The interceptor that guards Anthropic Java SDK clients built by the application:
 * {@code AnthropicOkHttpClient.builder().addInterceptor(interceptor)}.
 */
@AutoConfiguration(after = BreakerOutboundGuardAutoConfiguration.class)
@ConditionalOnClass(Interceptor.class)
@ConditionalOnBean(OutboundGuard.class)
public final class BreakerAnthropicSdkAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AnthropicBreakerInterceptor anthropicBreakerInterceptor(OutboundGuard guard) {
        return new AnthropicBreakerInterceptor(guard);
    }
}
