package dev.breaker.spring.llm;

import dev.breaker.spring.outbound.OutboundGuard;
import dev.langchain4j.http.client.HttpClientBuilder;

/**
 * Hands out LangChain4j HTTP client builders whose clients go through the breaker, one per model:
 *
 * <pre>{@code
 * ChatModel claude = AnthropicChatModel.builder()
 *         .httpClientBuilder(breakers.httpClientBuilder())
 *         .apiKey(key)
 *         .modelName("claude-sonnet-4-5")
 *         .build();
 * }</pre>
 */
public final class LangChain4jBreakers {

    private final OutboundGuard guard;

    public LangChain4jBreakers(OutboundGuard guard) {
        this.guard = guard;
    }

    /** Around LangChain4j's own choice of HTTP client; the provider is picked by {@code base-url}. */
    public BreakerHttpClientBuilder httpClientBuilder() {
        return new BreakerHttpClientBuilder(null, guard, null);
    }

    /** Around {@code delegate}; the provider is picked by {@code base-url}. */
    public BreakerHttpClientBuilder httpClientBuilder(HttpClientBuilder delegate) {
        return new BreakerHttpClientBuilder(delegate, guard, null);
    }

    /** Around {@code delegate} (null: LangChain4j's own choice), always with the breakers of {@code provider}. */
    public BreakerHttpClientBuilder httpClientBuilder(HttpClientBuilder delegate, String provider) {
        return new BreakerHttpClientBuilder(delegate, guard, provider);
    }
}
