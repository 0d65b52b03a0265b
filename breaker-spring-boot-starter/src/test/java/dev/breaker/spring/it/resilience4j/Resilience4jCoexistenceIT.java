package dev.breaker.spring.it.resilience4j;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An application that has both this starter and resilience4j-spring-boot4, each serving an endpoint
 * with the id {@code circuitbreakers} and a health indicator named {@code circuitBreakersHealthIndicator}.
 * It starts, and both libraries stay reachable: resilience4j's under its names, ours as
 * {@code providerbreakers} and {@code providerBreakers}.
 *
 * <p>Run by failsafe ({@code mvn verify}) only: surefire keeps resilience4j off the class path, since
 * its auto-configurations would otherwise join every other test's context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,circuitbreakers,providerbreakers",
        "management.endpoint.health.show-details=always",
        "management.health.circuitbreakers.enabled=true",
        "resilience4j.circuitbreaker.instances.legacy.sliding-window-size=10",
        "breaker.providers.anthropic.failure-threshold=5"})
@AutoConfigureWebTestClient(timeout = "30s")
class Resilience4jCoexistenceIT {

    @Autowired
    WebTestClient client;

    @Test
    void leavesCircuitbreakersToResilience4jAndServesOursAsProviderbreakers() {
        client.get().uri("/actuator/circuitbreakers").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.circuitBreakers").exists();

        client.get().uri("/actuator/providerbreakers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.providers.anthropic.breakers").isArray()
                .jsonPath("$.store.type").isEqualTo("memory");
        client.get().uri("/actuator/providerbreakers/anthropic").exchange().expectStatus().isOk();
    }

    @Test
    void registersOurHealthIndicatorAsProviderBreakers() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.circuitBreakers").exists()
                .jsonPath("$.components.providerBreakers.status").isEqualTo("UP")
                .jsonPath("$.components.providerBreakers.details.store.type").isEqualTo("memory");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class BothLibrariesApp {
    }
}
