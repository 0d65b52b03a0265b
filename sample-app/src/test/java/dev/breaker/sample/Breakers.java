package dev.breaker.sample;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Reads and resets breakers through the Actuator endpoint {@code circuitbreakers}, as a user would. */
public final class Breakers {

    private final WebTestClient client;

    public Breakers(WebTestClient client) {
        this.client = client;
    }

    /** One breaker as {@code GET /actuator/circuitbreakers} shows it, or a missing node before its first call. */
    public JsonNode breaker(String provider, String key) {
        for (JsonNode breaker : all().path("providers").path(provider).path("breakers")) {
            if (key.equals(breaker.path("key").asString())) {
                return breaker;
            }
        }
        return MissingNode.getInstance();
    }

    public long trips(String provider, String key) {
        return breaker(provider, key).path("trips").asLong(0);
    }

    public long calls(String provider, String key) {
        return breaker(provider, key).path("calls").asLong(0);
    }

    public String state(String provider, String key) {
        return breaker(provider, key).path("state").asString(null);
    }

    /** Closes every breaker of every provider, with an empty window. */
    public void resetAll() {
        all().path("providers").propertyNames().forEach(this::reset);
    }

    /** Closes every breaker of one provider, with an empty window. */
    public void reset(String provider) {
        client.post()
                .uri("/actuator/circuitbreakers/{provider}", provider)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\":\"reset\"}")
                .exchange()
                .expectStatus().is2xxSuccessful();
    }

    private JsonNode all() {
        return client.get().uri("/actuator/circuitbreakers").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
