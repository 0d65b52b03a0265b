package dev.breaker.spring.it.actuate;

import dev.breaker.core.Breaker;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An application that grants the endpoint no write access (the default) and whose health goes DOWN with a breaker. */
@ActuatorAppTest
@TestPropertySource(properties = "breaker.health.down-when-open=true")
class ReadOnlyEndpointAndStrictHealthTest {

    @Autowired
    WebTestClient client;

    @Autowired
    BreakerRegistry registry;

    @Autowired
    ManualClock clock;

    @Test
    void refusesWritesByDefaultButStillAnswersReads() {
        client.post().uri("/actuator/circuitbreakers/anthropic").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\":\"force-open\"}").exchange()
                .expectStatus().isEqualTo(405);
        client.get().uri("/actuator/circuitbreakers/anthropic").exchange().expectStatus().isOk();

        assertThat(registry.provider("anthropic").breakers()).noneMatch(Breaker::isForced);
    }

    @Test
    void goesDownWhileABreakerIsOpenAndUpAgainAfterReset() {
        Breaker breaker = registry.breaker("mistral", "/v1/chat");
        breaker.forceOpen();

        client.get().uri("/actuator/health/circuitBreakers").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.details.breakers[0].key").isEqualTo("/v1/chat")
                .jsonPath("$.details.breakers[0].forced").isEqualTo(true);

        breaker.reset();
        client.get().uri("/actuator/health/circuitBreakers").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void goesUpAgainByItselfOnceTheOpenPeriodIsOverWithoutAnyCall() {
        Breaker breaker = registry.breaker("gemini", "/v1/generate");
        for (int i = 0; i < 3; i++) {
            breaker.acquire().onFailure(529);
        }
        client.get().uri("/actuator/health/circuitBreakers").exchange().expectStatus().isEqualTo(503);

        clock.advance(Duration.ofSeconds(30));

        client.get().uri("/actuator/health/circuitBreakers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.details.breakers[?(@.key == '/v1/generate')].state").isEqualTo("HALF_OPEN");
        assertThat(breaker.totalRejections()).as("no call was needed").isZero();
    }
}
