package dev.breaker.spring.it.aop;

import dev.breaker.core.Breaker;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.it.Upstream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AnnotatedAppTest
class ProviderBreakerFallbackTest {

    @Autowired
    ModelClient client;

    @Autowired
    BreakerRegistry registry;

    @Test
    void handsARejectionToTheOverloadThatTakesBreakerOpenException() {
        registry.breaker("llm", "fb-open").forceOpen();

        assertThat(client.completeOrCached("fb-open")).isEqualTo("cached fb-open (open, retry in 10s)");

        Upstream.server().verify(exactly(0), getRequestedFor(urlEqualTo("/models/fb-open")));
    }

    @Test
    void handsAFailedCallToTheOverloadThatTakesAnyThrowableAndStillCountsTheFailure() {
        Upstream.server().stubFor(get("/models/fb-busy").willReturn(aResponse().withStatus(503)));

        assertThat(client.completeOrCached("fb-busy")).startsWith("cached fb-busy (").doesNotContain("open");

        assertThat(registry.provider("llm").find("fb-busy").totalFailures()).isEqualTo(1);
    }

    @Test
    void doesNotCallTheFallbackForAResultThatSucceeded() {
        Upstream.server().stubFor(get("/models/fb-ok").willReturn(ok("fresh")));

        assertThat(client.completeOrCached("fb-ok")).isEqualTo("fresh");
    }

    @Test
    void rethrowsAFailureThatNoOverloadAccepts() {
        Upstream.server().stubFor(get("/models/fb-unhandled").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client.completeOrCachedWhenOpen("fb-unhandled"))
                .isInstanceOf(RestClientResponseException.class);
        registry.breaker("llm", "fb-unhandled").forceOpen();
        assertThat(client.completeOrCachedWhenOpen("fb-unhandled")).isEqualTo("cached fb-unhandled");
    }

    @Test
    void recoversAMonoFromARejection() {
        registry.breaker("llm", "fb-mono").forceOpen();

        assertThat(client.completeMonoOrCached("fb-mono").block()).isEqualTo("cached fb-mono (open, key fb-mono)");
    }

    @Test
    void recoversACompletableFutureFromARejectionAndFromAFailure() {
        registry.breaker("llm", "fb-future-open").forceOpen();
        Upstream.server().stubFor(get("/models/fb-future-busy").willReturn(aResponse().withStatus(529)));

        assertThat(client.completeAsyncOrCached("fb-future-open").join())
                .isEqualTo("cached fb-future-open (BreakerOpenException)");
        assertThat(client.completeAsyncOrCached("fb-future-busy").join())
                .isEqualTo("cached fb-future-busy (UnknownHttpStatusCodeException)");
        Breaker busy = registry.provider("llm").find("fb-future-busy");
        assertThat(busy.totalFailures()).isEqualTo(1);
    }
}
