package dev.breaker.sample.failover;

import dev.breaker.sample.SampleAppTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The failover demo: Spring AI's ChatClient over the chain of the two simulated providers. */
class FailoverDemoTest extends SampleAppTestSupport {

    private static final String ANTHROPIC = "anthropic/claude-sonnet-4-5";
    private static final String OPENAI = "openai/gpt-4o";
    private static final String ANTHROPIC_KEY = "/v1/messages|claude-sonnet-4-5";

    @Test
    void whileAnthropicIsHealthyItAnswers() {
        ask().expectStatus().isOk().expectBody()
                .jsonPath("$.servedBy").isEqualTo(ANTHROPIC)
                .jsonPath("$.answer").value(String.class, answer -> assertThat(answer).contains("claude-sonnet-4-5"));
    }

    @Test
    void breakAnthropicAndAnswersKeepComingFromOpenAiThenAnthropicIsBackOnceHealed() {
        long fallbacksBefore = status().path("fallbacks").asLong();
        long anthropicServed = served("anthropic");
        simulate("anthropic", "{\"mode\":\"overloaded\"}");

        for (int i = 0; i < 8; i++) {
            ask().expectStatus().isOk().expectBody().jsonPath("$.servedBy").isEqualTo(OPENAI);
        }

        assertThat(served("anthropic") - anthropicServed).as("five failures trip it; then no call").isEqualTo(5);
        assertThat(breakers.state("spring-ai-anthropic", ANTHROPIC_KEY)).isEqualTo("OPEN");
        JsonNode status = status();
        assertThat(status.path("fallbacks").asLong() - fallbacksBefore).isEqualTo(8);
        assertThat(status.path("lastServedBy").asString()).isEqualTo(OPENAI);

        client.delete().uri("/sim/control/anthropic").exchange().expectStatus().isOk();
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 2; i++) {
            ask().expectStatus().isOk().expectBody().jsonPath("$.servedBy").isEqualTo(ANTHROPIC);
        }
        assertThat(breakers.state("spring-ai-anthropic", ANTHROPIC_KEY)).isEqualTo("CLOSED");
    }

    @Test
    void whenBothProvidersAreDownTheCallerIsToldWhenToComeBack() {
        breakers.reset("spring-ai-anthropic");
        simulate("anthropic", "{\"mode\":\"overloaded\"}");
        simulate("openai", "{\"mode\":\"unavailable\"}");
        for (int i = 0; i < 5; i++) {
            ask().expectStatus().isEqualTo(502);
        }

        ask().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "10")
                .expectBody().jsonPath("$.error").isEqualTo("breaker_open")
                .jsonPath("$.provider").isEqualTo("spring-ai-openai");
    }

    private WebTestClient.ResponseSpec ask() {
        return client.post().uri("/demo/ask").contentType(MediaType.TEXT_PLAIN).bodyValue("What is a breaker?")
                .exchange();
    }

    private JsonNode status() {
        return client.get().uri("/demo/failover").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
