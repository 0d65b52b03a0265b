package dev.breaker.spring.it.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.util.function.Supplier;

/** An upstream's shape: where the gateway serves it, how it fails, and how its rejections read. */
enum ProviderShape {

    ANTHROPIC("anthropic", Upstreams::anthropic, 529, Stubs.ANTHROPIC_OVERLOADED,
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"%s\"}}"),

    OPENAI("openai", Upstreams::openai, 503, Stubs.OPENAI_UNAVAILABLE,
            "{\"error\":{\"message\":\"%s\",\"type\":\"server_error\",\"param\":null,\"code\":\"circuit_breaker_open\"}}");

    final String provider;
    private final Supplier<WireMockServer> upstream;
    final int failureStatus;
    final String failureBody;
    private final String rejectionTemplate;

    ProviderShape(String provider, Supplier<WireMockServer> upstream, int failureStatus, String failureBody,
                  String rejectionTemplate) {
        this.provider = provider;
        this.upstream = upstream;
        this.failureStatus = failureStatus;
        this.failureBody = failureBody;
        this.rejectionTemplate = rejectionTemplate;
    }

    WireMockServer upstream() {
        return upstream.get();
    }

    /** The gateway path that forwards to {@code upstreamPath}. */
    String path(String upstreamPath) {
        return "/" + provider + upstreamPath;
    }

    /** The exact rejection body for {@code key}, with the message the breaker writes. */
    String rejection(String key, long retryAfterSeconds) {
        return rejectionTemplate.formatted("Circuit breaker for provider '" + provider + "' (key '" + key
                + "') is open; retry after " + retryAfterSeconds + "s");
    }
}
