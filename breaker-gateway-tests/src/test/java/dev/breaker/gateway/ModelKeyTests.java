package dev.breaker.gateway;

import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A breaker per model, read from the JSON body before the gateway forwards it: the upstream still
 * receives the identical body, and one failing model does not block another.
 */
class ModelKeyTests extends GatewayRouteTest {

    private static final String GPT_4O = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"model\":\"gpt-4o\"}";
    private static final String GPT_4O_MINI = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"model\":\"gpt-4o-mini\"}";

    @Test
    void keysTheBreakerByTheBodysModelAndForwardsTheIdenticalBody() {
        Upstream.answer("/v1/chat/models", aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"));

        for (int i = 0; i < 3; i++) {
            post("/openai/v1/chat/models", GPT_4O).expectStatus().isEqualTo(503)
                    .expectHeader().doesNotExist("Retry-After");
        }
        post("/openai/v1/chat/models", GPT_4O).expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.error.code").isEqualTo("circuit_breaker_open");
        post("/openai/v1/chat/models", GPT_4O_MINI).expectStatus().isEqualTo(503)
                .expectHeader().doesNotExist("Retry-After");

        assertThat(breaker("openai", "/v1/chat/models|gpt-4o").path("state").asString()).isEqualTo("OPEN");
        assertThat(breaker("openai", "/v1/chat/models|gpt-4o-mini").path("state").asString()).isEqualTo("CLOSED");
        assertThat(Upstream.bodies("/v1/chat/models")).containsExactly(GPT_4O, GPT_4O, GPT_4O, GPT_4O_MINI);
    }
}
