package dev.breaker.spring.llm;

import dev.breaker.spring.outbound.OutboundGuard;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;

import java.time.Duration;

/**
 * A LangChain4j {@link HttpClientBuilder} whose clients go through the breaker: give it to a model
 * builder's {@code httpClientBuilder(...)}. It wraps another builder, by default the one LangChain4j
 * would pick itself (its JDK client). Get one per model from {@link LangChain4jBreakers}.
 */
public final class BreakerHttpClientBuilder implements HttpClientBuilder {

    private final HttpClientBuilder delegate;
    private final OutboundGuard guard;
    private final String provider;

    BreakerHttpClientBuilder(HttpClientBuilder delegate, OutboundGuard guard, String provider) {
        this.provider = guard.requireProvider(provider);
        this.delegate = delegate != null ? delegate : HttpClientBuilderLoader.loadHttpClientBuilder();
        this.guard = guard;
    }

    @Override
    public Duration connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public BreakerHttpClientBuilder connectTimeout(Duration timeout) {
        delegate.connectTimeout(timeout);
        return this;
    }

    @Override
    public Duration readTimeout() {
        return delegate.readTimeout();
    }

    @Override
    public BreakerHttpClientBuilder readTimeout(Duration timeout) {
        delegate.readTimeout(timeout);
        return this;
    }

    @Override
    public HttpClient build() {
        return new BreakerLangChain4jHttpClient(delegate.build(), guard, provider);
    }
}
