package dev.breaker.spring.autoconfigure;

import dev.breaker.spring.llm.BreakerOkHttpInterceptor;
import dev.breaker.spring.llm.SpringAiAnthropicBreakerCustomizer;
import dev.breaker.spring.llm.SpringAiOpenAiBreakerCustomizer;
import dev.breaker.spring.outbound.OutboundGuard;
import okhttp3.Interceptor;
import org.springframework.ai.anthropic.http.okhttp.AnthropicHttpClientBuilderCustomizer;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Guards Spring AI's Anthropic and OpenAI models: their HTTP client builder customizers, which
 * Spring AI's own auto-configuration applies, add the breaker's OkHttp interceptor.
 */
@AutoConfiguration(after = BreakerOutboundGuardAutoConfiguration.class)
@ConditionalOnClass(Interceptor.class)
@ConditionalOnBean(OutboundGuard.class)
public final class BreakerSpringAiAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AnthropicHttpClientBuilderCustomizer.class)
    static class Anthropic {

        @Bean
        @ConditionalOnMissingBean
        SpringAiAnthropicBreakerCustomizer springAiAnthropicBreakerCustomizer(OutboundGuard guard) {
            return new SpringAiAnthropicBreakerCustomizer(new BreakerOkHttpInterceptor(guard));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenAiHttpClientBuilderCustomizer.class)
    static class OpenAi {

        @Bean
        @ConditionalOnMissingBean
        SpringAiOpenAiBreakerCustomizer springAiOpenAiBreakerCustomizer(OutboundGuard guard) {
            return new SpringAiOpenAiBreakerCustomizer(new BreakerOkHttpInterceptor(guard));
        }
    }
}
