package dev.breaker.sample;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Try the sample" walk-through (docs/sample.md), end to end over HTTP: a provider fails, its breaker trips, the
 * gateway answers 503 with {@code Retry-After} in the provider's own error shape without calling it,
 * the Actuator endpoint shows why, and once the open period has passed the breaker recovers.
 */
class WalkThroughTest extends SampleAppTestSupport {

    private static final String MESSAGES = "/v1/messages";
    private static final String GPT_4O = "/v1/chat/completions|gpt-4o";

    @Test
    void tripsOnAnOverloadedAnthropicRejectsInItsShapeAndRecovers() {
        long tripsBefore = breakers.trips("anthropic", MESSAGES);
        simulate("anthropic", "{\"mode\":\"overloaded\"}");

        for (int i = 0; i < 5; i++) {
            anthropic().expectStatus().isEqualTo(529);
        }
        long served = served("anthropic");
        anthropic()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "10")
                .expectBody()
                .jsonPath("$.type").isEqualTo("error")
                .jsonPath("$.error.type").isEqualTo("overloaded_error")
                .jsonPath("$.error.message").value(String.class, message -> assertThat(message).contains("anthropic"));
        assertThat(served("anthropic")).as("a rejected call never reaches the provider").isEqualTo(served);

        JsonNode open = breakers.breaker("anthropic", MESSAGES);
        assertThat(open.path("state").asString()).isEqualTo("OPEN");
        assertThat(open.path("failures").asLong()).isEqualTo(5);
        assertThat(open.path("trips").asLong()).isEqualTo(tripsBefore + 1);
        assertThat(open.path("rejections").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(open.path("retryAfterSeconds").asLong()).isEqualTo(10);
        assertThat(open.path("reason").asString()).isEqualTo("failure-count");
        assertThat(open.path("lastFailureStatus").asInt()).isEqualTo(529);

        simulate("anthropic", "{\"mode\":\"healthy\"}");
        clock.advance(Duration.ofSeconds(10));
        anthropic().expectStatus().isOk();
        anthropic().expectStatus().isOk();

        JsonNode closed = breakers.breaker("anthropic", MESSAGES);
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("retryAfterSeconds").isNull()).isTrue();
    }

    @Test
    void honoursOpenAisRetryAfterAndKeepsOtherModelsFlowing() {
        simulate("openai", "{\"mode\":\"rate-limited\",\"retryAfterSeconds\":45,\"model\":\"gpt-4o\"}");

        for (int i = 0; i < 5; i++) {
            openAi("gpt-4o").expectStatus().isEqualTo(429);
        }
        openAi("gpt-4o")
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "45")
                .expectBody()
                .jsonPath("$.error.type").isEqualTo("server_error")
                .jsonPath("$.error.code").isEqualTo("circuit_breaker_open")
                .jsonPath("$.error.param").isEmpty();
        openAi("gpt-4o-mini").expectStatus().isOk();

        clock.advance(Duration.ofSeconds(10));
        openAi("gpt-4o").expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "35");
        JsonNode open = breakers.breaker("openai", GPT_4O);
        assertThat(open.path("state").asString()).isEqualTo("OPEN");
        assertThat(open.path("lastFailureStatus").asInt()).isEqualTo(429);
        assertThat(breakers.state("openai", "/v1/chat/completions|gpt-4o-mini")).isEqualTo("CLOSED");
    }

    @Test
    void countsStreamsThatFailMidwayAsFailures() {
        simulate("anthropic", "{\"mode\":\"stream-error\"}");

        for (int i = 0; i < 5; i++) {
            String stream = stream().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(stream).contains("event: error");
        }
        stream().expectStatus().isEqualTo(503).expectHeader().exists("Retry-After");
        assertThat(breakers.state("anthropic", MESSAGES)).isEqualTo("OPEN");
    }

    private WebTestClient.ResponseSpec anthropic() {
        return post("/anthropic/v1/messages", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[]}");
    }

    private WebTestClient.ResponseSpec stream() {
        return post("/anthropic/v1/messages", "{\"model\":\"claude-sonnet-4-5\",\"stream\":true,\"messages\":[]}");
    }

    private WebTestClient.ResponseSpec openAi(String model) {
        return post("/openai/v1/chat/completions", "{\"model\":\"" + model + "\",\"messages\":[]}");
    }

    private WebTestClient.ResponseSpec post(String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
