package dev.breaker.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** Failures relayed by a gateway route trip the provider's breaker; refusals never reach the upstream. */
class TripAndRefusalTests extends GatewayRouteTest {

    private static final String MESSAGE = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private static final String OVERLOADED =
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

    @Test
    void tripsOnRelayed529sAndRefusesInAnthropicsShapeWithoutCallingTheUpstream() {
        Upstream.answer("/v1/trip", aResponse().withStatus(529)
                .withHeader("Content-Type", "application/json").withBody(OVERLOADED));

        for (int i = 0; i < 3; i++) {
            post("/anthropic/v1/trip", MESSAGE).expectStatus().isEqualTo(529)
                    .expectBody(String.class).isEqualTo(OVERLOADED);
        }
        post("/anthropic/v1/trip", MESSAGE)
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "30")
                .expectHeader().contentType("application/json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("error")
                .jsonPath("$.error.type").isEqualTo("overloaded_error")
                .jsonPath("$.error.message").isEqualTo(
                        "Circuit breaker for provider 'anthropic' (key '/v1/trip') is open; retry after 30s");

        assertThat(Upstream.calls("/v1/trip")).as("the refused request never reached the upstream").isEqualTo(3);
        JsonNode breaker = breaker("anthropic", "/v1/trip");
        assertThat(breaker.path("state").asString()).isEqualTo("OPEN");
        assertThat(breaker.path("reason").asString()).isEqualTo("failure-count");
        assertThat(breaker.path("lastFailureStatus").asInt()).isEqualTo(529);
        assertThat(breaker.path("rejections").asLong()).isEqualTo(1);
    }

    @Test
    void keepsTheBreakerOpenAsLongAsTheRelayedRetryAfterAsks() {
        Upstream.answer("/v1/chat/limited", aResponse().withStatus(429).withHeader("retry-after", "45")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));

        for (int i = 0; i < 3; i++) {
            post("/openai/v1/chat/limited", "{\"model\":\"gpt-4o\"}").expectStatus().isEqualTo(429)
                    .expectHeader().valueEquals("retry-after", "45");
        }
        post("/openai/v1/chat/limited", "{\"model\":\"gpt-4o\"}")
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "45")
                .expectBody()
                .jsonPath("$.error.type").isEqualTo("server_error")
                .jsonPath("$.error.code").isEqualTo("circuit_breaker_open");
        assertThat(Upstream.calls("/v1/chat/limited")).isEqualTo(3);
    }

    @Test
    void ignoresAClientErrorRelayedByTheGateway() {
        Upstream.answer("/v1/unauthorized", aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"));

        for (int i = 0; i < 6; i++) {
            post("/anthropic/v1/unauthorized", MESSAGE).expectStatus().isEqualTo(401);
        }
        assertThat(Upstream.calls("/v1/unauthorized")).as("every request still reaches the upstream").isEqualTo(6);
        assertThat(breakerOrNull("anthropic", "/v1/unauthorized")).as("ignored calls leave no breaker").isNull();
    }

    @Test
    void countsTheGatewaysOwnResponseTimeoutAsA504Failure() {
        Upstream.answer("/v1/slow", aResponse().withStatus(200).withFixedDelay(2_000)
                .withHeader("Content-Type", "application/json").withBody("{}"));

        for (int i = 0; i < 3; i++) {
            post("/anthropic/v1/slow", MESSAGE).expectStatus().isEqualTo(504);
        }
        post("/anthropic/v1/slow", MESSAGE).expectStatus().isEqualTo(503);
        JsonNode breaker = breaker("anthropic", "/v1/slow");
        assertThat(breaker.path("state").asString()).isEqualTo("OPEN");
        assertThat(breaker.path("lastFailureStatus").asInt()).isEqualTo(504);
    }

    @Test
    void ignoresTheGatewaysAnswerToARefusedConnection() {
        for (int i = 0; i < 6; i++) {
            post("/anthropic/v1/down", MESSAGE).expectStatus().isEqualTo(500);
        }
        assertThat(breakerOrNull("anthropic", "/v1/down")).as("ignored calls leave no breaker").isNull();
    }
}
