package dev.breaker.sample.gateway;

import dev.breaker.sample.SampleAppTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway forwards to the simulated providers and passes their answers back unchanged. */
class GatewayTest extends SampleAppTestSupport {

    @Test
    void forwardsAnthropicMessagesAndItsHeaders() {
        post("/anthropic/v1/messages", "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":10}")
                .expectStatus().isOk()
                .expectHeader().exists("request-id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("message")
                .jsonPath("$.model").isEqualTo("claude-haiku-4-5");
    }

    @Test
    void passesARateLimitThroughWithRetryAfterAndRateLimitHeaders() {
        simulate("openai", "{\"mode\":\"rate-limited\",\"retryAfterSeconds\":33,\"model\":\"gpt-4o-mini\"}");

        post("/openai/v1/chat/completions", "{\"model\":\"gpt-4o-mini\"}")
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("retry-after", "33")
                .expectHeader().valueEquals("x-ratelimit-reset-requests", "33s")
                .expectBody().jsonPath("$.error.code").isEqualTo("rate_limit_exceeded");
    }

    @Test
    void streamsServerSentEventsThroughUnchanged() {
        String stream = post("/openai/v1/chat/completions", "{\"model\":\"gpt-4o\",\"stream\":true}")
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(stream).startsWith("data: {").endsWith("\n\ndata: [DONE]\n\n");
    }

    @Test
    void passesAStreamThatFailsMidwayThroughWithItsErrorEvent() {
        simulate("anthropic", "{\"mode\":\"stream-error\"}");

        String stream = post("/anthropic/v1/messages", "{\"stream\":true}")
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(stream).startsWith("event: message_start\n").contains("\nevent: error\n")
                .doesNotContain("message_stop");
    }

    @Test
    void answers504InTheProvidersShapeWhenTheProviderIsTooSlow() {
        simulate("openai", "{\"mode\":\"slow\",\"delayMillis\":5000,\"model\":\"gpt-4.1\"}");

        post("/openai/v1/chat/completions", "{\"model\":\"gpt-4.1\"}")
                .expectStatus().isEqualTo(504)
                .expectBody()
                .jsonPath("$.error.type").isEqualTo("server_error")
                .jsonPath("$.error.code").isEqualTo("gateway_timeout");
    }

    @Test
    void forwardsOnlyUnderWholePathSegments() {
        post("/anthropicx/v1/messages", "{}").expectStatus().isNotFound();
    }

    @Test
    void madeUpRoutesThatTheProviderAnswers404LeaveNoBreakerBehind() {
        for (int i = 0; i < 20; i++) {
            post("/anthropic/no/such/route-" + i, "{}").expectStatus().isNotFound();
        }

        assertThat(breakers.breaker("anthropic", "/no/such/route-0").isMissingNode()).isTrue();
        assertThat(breakers.breaker("anthropic", "/no/such/route-19").isMissingNode()).isTrue();
    }

    @Test
    void aSluggishProviderThatStillAnswers200TripsItsBreakerOnTheSlowCallRate() {
        simulate("anthropic", "{\"mode\":\"sluggish\"}");
        long served = served("anthropic");

        for (int i = 0; i < 10; i++) {
            post("/anthropic/v1/messages", "{\"model\":\"claude-haiku-4-5\"}").expectStatus().isOk();
        }
        post("/anthropic/v1/messages", "{\"model\":\"claude-haiku-4-5\"}").expectStatus().isEqualTo(503);

        assertThat(served("anthropic") - served).as("the refused call never reached the provider").isEqualTo(10);
        assertThat(breakers.state("anthropic", "/v1/messages")).isEqualTo("OPEN");
        assertThat(breakers.breaker("anthropic", "/v1/messages").path("reason").asString()).isEqualTo("slow-call-rate");
        assertThat(breakers.breaker("anthropic", "/v1/messages").path("slowCalls").asInt()).isEqualTo(10);
    }

    @Test
    void aStreamWhoseFirstTokenIsLateIsSlowEvenThoughItsStatusCameAtOnce() {
        simulate("openai", "{\"mode\":\"sluggish\"}");

        String stream = post("/openai/v1/chat/completions", "{\"model\":\"gpt-4o\",\"stream\":true}")
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(stream).endsWith("data: [DONE]\n\n");
        assertThat(breakers.breaker("openai", "/v1/chat/completions|gpt-4o").path("slowCalls").asInt()).isEqualTo(1);
    }

    private WebTestClient.ResponseSpec post(String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
