package dev.breaker.sample.sim;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated providers speak the real APIs' shapes: bodies, streams, errors and headers. */
class SimulatorTest {

    private final SimulatorState state = new SimulatorState();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final WebTestClient client = WebTestClient
            .bindToRouterFunction(new SimulatorRoutes().simulatedProviders(state,
                    delay -> Mono.fromRunnable(() -> waits.add(delay))))
            .build();

    @Test
    void answersAnthropicMessagesWhenHealthy() {
        post("/sim/anthropic/v1/messages", "{\"model\":\"claude-haiku-4-5\"}")
                .expectStatus().isOk()
                .expectHeader().exists("request-id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("message")
                .jsonPath("$.model").isEqualTo("claude-haiku-4-5")
                .jsonPath("$.content[0].type").isEqualTo("text")
                .jsonPath("$.stop_reason").isEqualTo("end_turn");
    }

    @Test
    void rateLimitsAnthropicWithRetryAfterAndRateLimitError() {
        state.put("anthropic", rule(SimMode.RATE_LIMITED, null, 17));

        post("/sim/anthropic/v1/messages", "{}")
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("retry-after", "17")
                .expectHeader().valueEquals("anthropic-ratelimit-requests-remaining", "0")
                .expectHeader().exists("anthropic-ratelimit-requests-reset")
                .expectBody()
                .jsonPath("$.type").isEqualTo("error")
                .jsonPath("$.error.type").isEqualTo("rate_limit_error");
    }

    @Test
    void rateLimitsOpenAiWithItsErrorShapeAndRateLimitHeaders() {
        state.put("openai", rule(SimMode.RATE_LIMITED, null, 20));

        post("/sim/openai/v1/chat/completions", "{\"model\":\"gpt-4o\"}")
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("retry-after", "20")
                .expectHeader().valueEquals("x-ratelimit-remaining-requests", "0")
                .expectHeader().valueEquals("x-ratelimit-reset-requests", "20s")
                .expectBody()
                .jsonPath("$.error.type").isEqualTo("requests")
                .jsonPath("$.error.code").isEqualTo("rate_limit_exceeded")
                .jsonPath("$.error.param").isEmpty();
    }

    @Test
    void overloadsAnthropicWith529() {
        state.put("anthropic", rule(SimMode.OVERLOADED, null, null));

        post("/sim/anthropic/v1/messages", "{}")
                .expectStatus().isEqualTo(529)
                .expectBody().jsonPath("$.error.type").isEqualTo("overloaded_error");
    }

    @Test
    void streamsOpenAiChunksEndingWithDone() {
        String stream = postForText("/sim/openai/v1/chat/completions", "{\"model\":\"gpt-4o\",\"stream\":true}");

        assertThat(stream).startsWith("data: {\"id\":\"chatcmpl-")
                .contains("\"object\":\"chat.completion.chunk\"", "\"finish_reason\":\"stop\"")
                .endsWith("data: [DONE]\n\n");
    }

    @Test
    void failsAnAnthropicStreamMidwayWithAnErrorEvent() {
        state.put("anthropic", rule(SimMode.STREAM_ERROR, null, null));

        String stream = postForText("/sim/anthropic/v1/messages", "{\"stream\":true}");

        assertThat(stream).startsWith("event: message_start\n")
                .contains("event: content_block_delta\n")
                .endsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                        + "\"message\":\"Overloaded\"}}\n\n")
                .doesNotContain("message_stop");
    }

    @Test
    void completesAnAnthropicStreamWhenHealthy() {
        String stream = postForText("/sim/anthropic/v1/messages", "{\"stream\":true}");

        assertThat(stream).contains("event: content_block_delta\n")
                .endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    @Test
    void letsTheMostSpecificRuleWin() {
        state.put("openai", rule(SimMode.UNAVAILABLE, null, null));
        state.put("openai", rule(SimMode.HEALTHY, "gpt-4o-mini", null));

        post("/sim/openai/v1/chat/completions", "{\"model\":\"gpt-4o\"}").expectStatus().isEqualTo(503);
        post("/sim/openai/v1/chat/completions", "{\"model\":\"gpt-4o-mini\"}").expectStatus().isOk();
    }

    @Test
    void failsEveryCallWhenFlakyAtOneHundredPercent() {
        state.put("anthropic", new SimRule(SimMode.FLAKY, null, null, null, 100, null));

        for (int i = 0; i < 5; i++) {
            post("/sim/anthropic/v1/messages", "{}").expectStatus().isEqualTo(529);
        }
        assertThat(state.served()).containsEntry("anthropic", 5L);
    }

    @Test
    void becomesHealthyAgainWhenCleared() {
        state.put("anthropic", rule(SimMode.OVERLOADED, null, null));
        state.clear("anthropic");

        post("/sim/anthropic/v1/messages", "{}").expectStatus().isOk();
        assertThat(state.snapshot()).isEqualTo(Map.of("anthropic", List.of(), "openai", List.of()));
    }

    @Test
    void aSluggishProviderAnswers200AfterItsFirstTokenDelay() {
        state.put("anthropic", new SimRule(SimMode.SLUGGISH, null, null, null, null, null));

        post("/sim/anthropic/v1/messages", "{\"model\":\"claude-haiku-4-5\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.type").isEqualTo("message");

        assertThat(waits).containsExactly(Duration.ofMillis(1_500));
    }

    @Test
    void aSluggishStreamSendsItsFirstEventsAtOnceAndItsContentAfterTheDelay() {
        state.put("openai", new SimRule(SimMode.SLUGGISH, null, null, null, null, 2_000));
        String stream = client.post().uri("/sim/openai/v1/chat/completions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"gpt-4o\",\"stream\":true}").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(stream).startsWith("data: {").contains("\"role\":\"assistant\"").endsWith("data: [DONE]\n\n");
        assertThat(stream.indexOf("\"role\":\"assistant\"")).isLessThan(stream.indexOf("\"content\":\"A \""));
    }

    private static SimRule rule(SimMode mode, String model, Integer retryAfterSeconds) {
        return new SimRule(mode, null, model, retryAfterSeconds, null, null);
    }

    private WebTestClient.ResponseSpec post(String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private String postForText(String path, String json) {
        return post(path, json)
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
