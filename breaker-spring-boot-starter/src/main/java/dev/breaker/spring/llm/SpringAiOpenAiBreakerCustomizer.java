package dev.breaker.spring.llm;

import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.ai.openai.http.okhttp.SpringAiOpenAiHttpClient;

/**
 * Puts the breaker interceptor on the HTTP clients of Spring AI's OpenAI models (chat, and the
 * embedding, image, audio and moderation models that share the same customizers).
 */
public final class SpringAiOpenAiBreakerCustomizer implements OpenAiHttpClientBuilderCustomizer {

    private final BreakerOkHttpInterceptor interceptor;

    public SpringAiOpenAiBreakerCustomizer(BreakerOkHttpInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void customize(SpringAiOpenAiHttpClient.Builder builder) {
        builder.interceptor(interceptor);
    }
}
