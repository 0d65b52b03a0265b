package dev.breaker.spring.web.server;

import dev.breaker.core.Breaker;
import dev.breaker.spring.dialect.ErrorFormat;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused request gets the configured status, Retry-After and the provider's error shape. */
class BreakerWebFilterRejectionTests {

    private final InboundFixture gateway = new InboundFixture(
            TestProvider.named("anthropic").pathPrefix("/anthropic").errorFormat(ErrorFormat.ANTHROPIC).build(),
            TestProvider.named("openai").pathPrefix("/openai").errorFormat(ErrorFormat.OPENAI).rejectionStatus(429).build(),
            TestProvider.named("plain").pathPrefix("/plain").build());

    @Test
    void answersWithTheRejectionStatusRetryAfterAndAJsonBody() {
        trip("anthropic", "/v1/messages");
        gateway.clock.advance(Duration.ofMillis(2_500));
        gateway.client.post().uri("/anthropic/v1/messages").bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "28")
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error.type").isEqualTo("overloaded_error");
        assertThat(gateway.handled).hasValue(0);
    }

    @Test
    void usesTheConfiguredRejectionStatus() {
        trip("openai", "/v1/chat/completions");
        gateway.client.post().uri("/openai/v1/chat/completions").bodyValue("{}").exchange()
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.error.code").isEqualTo("circuit_breaker_open");
    }

    @Test
    void answersProblemDetailsAsProblemJson() {
        trip("plain", "/x");
        gateway.client.get().uri("/plain/x").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.retryAfterSeconds").isEqualTo(30).jsonPath("$.key").isEqualTo("/x");
    }

    @Test
    void asksToRetryAfterAtLeastOneSecond() {
        trip("plain", "/y");
        gateway.clock.advance(Duration.ofMillis(29_999));
        gateway.client.get().uri("/plain/y").exchange().expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1");
    }

    private void trip(String provider, String key) {
        Breaker breaker = gateway.registry.breaker(provider, key);
        for (int i = 0; i < 3; i++) {
            breaker.acquire().onFailure(529);
        }
    }
}
