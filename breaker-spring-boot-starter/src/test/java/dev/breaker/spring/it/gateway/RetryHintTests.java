package dev.breaker.spring.it.gateway;

import dev.breaker.core.clock.ManualClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How long the breaker stays open follows what the upstream said about when to come back. */
@GatewayTest
class RetryHintTests {

    @Autowired
    private WebTestClient client;

    @Autowired
    private ManualClock clock;

    @Test
    void staysOpenAsLongAsTheUpstreamsRetryAfterAsks() {
        String endpoint = "/v1/hint/retry-after";
        Stubs.answer(Upstreams.anthropic(), endpoint, 529, Stubs.ANTHROPIC_OVERLOADED, "Retry-After", "120");
        failThreeTimes("/anthropic" + endpoint, 529);

        clock.advance(Duration.ofSeconds(30));
        client.post().uri("/anthropic" + endpoint).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "90")
                .expectBody();
        assertThat(Stubs.calls(Upstreams.anthropic(), endpoint)).isEqualTo(3);
    }

    @Test
    void fallsBackToTheOpenDurationWhenRetryAfterIsMalformed() {
        String endpoint = "/v1/hint/malformed";
        Stubs.answer(Upstreams.anthropic(), endpoint, 529, Stubs.ANTHROPIC_OVERLOADED, "Retry-After", "soon, maybe");
        failThreeTimes("/anthropic" + endpoint, 529);

        client.post().uri("/anthropic" + endpoint).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30")
                .expectBody();
        clock.advance(Duration.ofSeconds(30));
        Stubs.answer(Upstreams.anthropic(), endpoint, 200, Stubs.OK);
        client.post().uri("/anthropic" + endpoint).bodyValue("{}").exchange().expectStatus().isOk()
                .expectBody();
        assertThat(Stubs.calls(Upstreams.anthropic(), endpoint)).isEqualTo(4);
    }

    @Test
    void waitsForTheExhaustedRateLimitToResetAfterA429WithoutRetryAfter() {
        String endpoint = "/v1/hint/rate-limit";
        Stubs.answer(Upstreams.openai(), endpoint, 429,
                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}",
                "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1m15s",
                "x-ratelimit-remaining-tokens", "9000", "x-ratelimit-reset-tokens", "6m0s");
        failThreeTimes("/openai" + endpoint, 429);

        client.post().uri("/openai" + endpoint).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "75")
                .expectBody();
    }

    @Test
    void opensAtOnceWhenTheQuotaIsExhaustedAndPassesTheQuotaErrorOn() {
        String endpoint = "/v1/hint/quota";
        String quota = "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing "
                + "details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}";
        Stubs.answer(Upstreams.openai(), endpoint, 429, quota);
        client.post().uri("/openai" + endpoint).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(429)
                .expectBody(String.class).isEqualTo(quota);

        client.post().uri("/openai" + endpoint).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "300")
                .expectBody();
        assertThat(Stubs.calls(Upstreams.openai(), endpoint)).isEqualTo(1);
    }

    private void failThreeTimes(String path, int status) {
        for (int i = 0; i < 3; i++) {
            client.post().uri(path).bodyValue("{}").exchange().expectStatus().isEqualTo(status)
                .expectBody();
        }
    }
}
