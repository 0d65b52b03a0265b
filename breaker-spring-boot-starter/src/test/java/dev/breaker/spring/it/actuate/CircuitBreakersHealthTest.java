package dev.breaker.spring.it.actuate;

import dev.breaker.core.Breaker;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ActuatorAppTest
class CircuitBreakersHealthTest {

    @Autowired
    WebTestClient client;

    @Autowired
    BreakerRegistry registry;

    @Autowired
    ManualClock clock;

    @Test
    void staysUpWhileABreakerIsOpenAndListsIt() {
        Breaker breaker = registry.breaker("mistral", "/v1/chat");
        for (int i = 0; i < 3; i++) {
            breaker.acquire().onFailure(503);
        }

        client.get().uri("/actuator/health/circuitBreakers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.details.breakers[?(@.provider == 'mistral' && @.key == '/v1/chat')].state").isEqualTo("OPEN")
                .jsonPath("$.details.breakers[?(@.provider == 'mistral' && @.key == '/v1/chat')].reason")
                .isEqualTo("failure-count")
                .jsonPath("$.details.store.type").isEqualTo("memory")
                .jsonPath("$.details.store.connected").isEqualTo(true);
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void listsHalfOpenBreakersButNotClosedOnes() {
        Breaker probing = registry.breaker("mistral", "/v1/embeddings");
        for (int i = 0; i < 3; i++) {
            probing.acquire().onFailure(503);
        }
        clock.advance(Duration.ofSeconds(30));
        probing.acquire();
        registry.breaker("mistral", "/v1/models").acquire().onSuccess();

        client.get().uri("/actuator/health/circuitBreakers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.details.breakers[?(@.key == '/v1/embeddings')].state").isEqualTo("HALF_OPEN")
                .jsonPath("$.details.breakers[?(@.key == '/v1/models')]").isEmpty();
    }

    @Test
    void anOpenBreakerNobodyCallsIsReportedHalfOpenEverywhereOnceItsOpenPeriodIsOver() {
        Breaker breaker = registry.breaker("mistral", "/v1/fim");
        for (int i = 0; i < 3; i++) {
            breaker.acquire().onFailure(529);
        }
        client.get().uri("/actuator/circuitbreakers/mistral").exchange().expectBody()
                .jsonPath("$.breakers[?(@.key == '/v1/fim')].state").isEqualTo("OPEN");

        clock.advance(Duration.ofSeconds(30));

        client.get().uri("/actuator/circuitbreakers/mistral").exchange().expectBody()
                .jsonPath("$.breakers[?(@.key == '/v1/fim')].state").isEqualTo("HALF_OPEN")
                .jsonPath("$.breakers[?(@.key == '/v1/fim')].forced").isEqualTo(false);
        client.get().uri("/actuator/health/circuitBreakers").exchange().expectBody()
                .jsonPath("$.details.breakers[?(@.key == '/v1/fim')].state").isEqualTo("HALF_OPEN");
        assertThat(PrometheusScrape.of(client).value("breaker_state", Map.of("provider", "mistral", "key", "/v1/fim")))
                .isEqualTo(0.5);
        assertThat(breaker.totalRejections()).as("no call was needed").isZero();
    }
}
