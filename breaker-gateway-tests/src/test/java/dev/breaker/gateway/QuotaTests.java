package dev.breaker.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 429 whose body says the quota is exhausted, relayed by the gateway's own write path, opens the
 * breaker at once: a quota does not come back in seconds, so no failure count has to be reached first.
 */
class QuotaTests extends GatewayRouteTest {

    private static final String INSUFFICIENT_QUOTA = "{\"error\":{\"message\":\"You exceeded your current quota, please "
            + "check your plan and billing details.\",\"type\":\"insufficient_quota\",\"param\":null,"
            + "\"code\":\"insufficient_quota\"}}";

    @Test
    void opensAtOnceOnAQuota429RelayedByTheGateway() {
        Upstream.answer("/v1/chat/quota", aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(INSUFFICIENT_QUOTA));

        post("/openai/v1/chat/quota", "{\"model\":\"gpt-4o\"}").expectStatus().isEqualTo(429)
                .expectBody(String.class).isEqualTo(INSUFFICIENT_QUOTA);

        JsonNode breaker = breaker("openai", "/v1/chat/quota|gpt-4o");
        assertThat(breaker.path("state").asString()).isEqualTo("OPEN");
        assertThat(breaker.path("reason").asString()).isEqualTo("quota");
        post("/openai/v1/chat/quota", "{\"model\":\"gpt-4o\"}").expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.code").isEqualTo("circuit_breaker_open");
        assertThat(Upstream.calls("/v1/chat/quota")).isEqualTo(1);
    }
}
