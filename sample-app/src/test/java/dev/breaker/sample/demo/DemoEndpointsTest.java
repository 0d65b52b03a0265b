package dev.breaker.sample.demo;

import dev.breaker.sample.SampleAppTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebClient demo and the {@code @ProviderBreaker} demo, each with its own provider's breakers. */
class DemoEndpointsTest extends SampleAppTestSupport {

    @Test
    void summaryWebClientTripsItsOwnBreakerAndAnswers503WithRetryAfter() {
        long gatewayCalls = breakers.calls("anthropic", "/v1/messages");
        simulate("anthropic", "{\"mode\":\"overloaded\",\"model\":\"claude-haiku-4-5\"}");

        for (int i = 0; i < 5; i++) {
            summary().expectStatus().isEqualTo(502).expectBody().jsonPath("$.upstreamStatus").isEqualTo(529);
        }
        long served = served("anthropic");
        summary()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "10")
                .expectBody()
                .jsonPath("$.error").isEqualTo("breaker_open")
                .jsonPath("$.provider").isEqualTo("anthropic-direct")
                .jsonPath("$.key").isEqualTo("/v1/messages");

        assertThat(served("anthropic")).isEqualTo(served);
        assertThat(breakers.state("anthropic-direct", "/v1/messages")).isEqualTo("OPEN");
        assertThat(breakers.calls("anthropic", "/v1/messages"))
                .as("the gateway's breaker saw none of the WebClient's calls").isEqualTo(gatewayCalls);
    }

    @Test
    void haikuFallsBackOnFailuresThenStopsCallingOnceItsModelsBreakerIsOpen() {
        simulate("openai", "{\"mode\":\"unavailable\",\"model\":\"gpt-4o-mini\"}");

        for (int i = 0; i < 5; i++) {
            haiku("gpt-4o-mini").expectStatus().isOk().expectBody()
                    .jsonPath("$.fallback").isEqualTo(true)
                    .jsonPath("$.reason").isEqualTo("openai answered 503");
        }
        long served = served("openai");
        haiku("gpt-4o-mini").expectStatus().isOk().expectBody()
                .jsonPath("$.fallback").isEqualTo(true)
                .jsonPath("$.reason").value(String.class, reason -> assertThat(reason).startsWith("breaker open"));
        haiku("gpt-4o").expectStatus().isOk().expectBody().jsonPath("$.fallback").isEqualTo(false);

        assertThat(served("openai")).as("only the gpt-4o call reached OpenAI").isEqualTo(served + 1);
        assertThat(breakers.state("openai-direct", "gpt-4o-mini")).isEqualTo("OPEN");
        assertThat(breakers.state("openai-direct", "gpt-4o")).isEqualTo("CLOSED");
    }

    private WebTestClient.ResponseSpec summary() {
        return client.post().uri("/demo/summary").contentType(MediaType.TEXT_PLAIN).bodyValue("Breakers.").exchange();
    }

    private WebTestClient.ResponseSpec haiku(String model) {
        return client.get().uri("/demo/haiku?model={model}", model).exchange();
    }
}
