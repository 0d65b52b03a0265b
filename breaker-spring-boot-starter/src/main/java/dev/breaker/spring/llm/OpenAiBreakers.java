package dev.breaker.spring.llm;

import com.openai.core.http.HttpClient;
import dev.breaker.spring.outbound.OutboundGuard;

/**
 * Wraps OpenAI Java SDK HTTP clients so that their calls go through the breaker. The SDK takes a
 * custom HTTP client only through {@code ClientOptions}:
 *
 * <pre>{@code
 * OpenAIClient client = new OpenAIClientImpl(ClientOptions.builder()
 *         .httpClient(openAiBreakers.wrap(OkHttpClient.builder().build()))
 *         .fromEnv()
 *         .build());
 * }</pre>
 */
public final class OpenAiBreakers {

    private final OutboundGuard guard;

    public OpenAiBreakers(OutboundGuard guard) {
        this.guard = guard;
    }

    /** {@code delegate}, guarded by the provider whose {@code base-url} covers each request's URL. */
    public HttpClient wrap(HttpClient delegate) {
        return new OpenAiBreakerHttpClient(delegate, guard, null);
    }

    /** {@code delegate}, guarded by the breakers of {@code provider} whatever the URL. */
    public HttpClient wrap(HttpClient delegate, String provider) {
        return new OpenAiBreakerHttpClient(delegate, guard, provider);
    }
}
