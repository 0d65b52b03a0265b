package dev.breaker.spring.llm;

import org.springframework.ai.anthropic.http.okhttp.AnthropicHttpClientBuilderCustomizer;
import org.springframework.ai.anthropic.http.okhttp.SpringAiAnthropicHttpClient;

/**
 * Puts the breaker interceptor on the HTTP clients of Spring AI's {@code AnthropicChatModel}
 * (Spring AI calls it once for the model's sync client and once for its async one).
 */
public final class SpringAiAnthropicBreakerCustomizer implements AnthropicHttpClientBuilderCustomizer {

    private final BreakerOkHttpInterceptor interceptor;

    public SpringAiAnthropicBreakerCustomizer(BreakerOkHttpInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void customize(SpringAiAnthropicHttpClient.Builder builder) {
        builder.interceptor(interceptor);
    }
}
