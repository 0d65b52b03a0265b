package dev.breaker.spring.it.actuate;

import dev.breaker.core.Breaker;
import dev.breaker.core.registry.BreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

@ActuatorAppTest
class CircuitBreakersEndpointReadTest {

    @Autowired
    WebTestClient client;

    @Autowired
    BreakerRegistry registry;

    @Test
    void showsAnOpenBreakerAndAClosedOneExactlyAsDocumented() {
        Breaker messages = registry.breaker("anthropic", "/v1/messages");
        for (int i = 0; i < 3; i++) {
            messages.acquire().onFailure(529);
        }
        for (int i = 0; i < 3; i++) {
            messages.tryAcquire();
        }
        registry.breaker("anthropic", "/v1/complete").acquire().onSuccess();

        client.get().uri("/actuator/circuitbreakers/anthropic").exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"provider":"anthropic","breakers":[
                          {"key":"/v1/complete","state":"CLOSED","calls":1,"failures":0,"failureRate":0.0,
                           "rejections":0,"trips":0,"retryAfterSeconds":null,"forced":false,"reason":null,
                           "lastFailureStatus":null},
                          {"key":"/v1/messages","state":"OPEN","calls":3,"failures":3,"failureRate":1.0,
                           "rejections":3,"trips":1,"retryAfterSeconds":30,"forced":false,"reason":"failure-count",
                           "lastFailureStatus":529}]}
                        """, JsonCompareMode.STRICT);
    }

    @Test
    void listsEveryConfiguredProviderAndTheStateStore() {
        client.get().uri("/actuator/circuitbreakers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.providers.idle.breakers").isEmpty()
                .jsonPath("$.providers.anthropic.breakers").isArray()
                .jsonPath("$.providers.tenants").exists()
                .jsonPath("$.store.type").isEqualTo("memory")
                .jsonPath("$.store.connected").isEqualTo(true);
    }

    @Test
    void showsAConfiguredProviderWithoutTrafficWithNoBreakers() {
        client.get().uri("/actuator/circuitbreakers/idle").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"provider\":\"idle\",\"breakers\":[]}", JsonCompareMode.STRICT);
    }

    @Test
    void answersNotFoundForAProviderThatIsNotConfigured() {
        client.get().uri("/actuator/circuitbreakers/nope").exchange().expectStatus().isNotFound();
    }
}
