package dev.breaker.spring.it.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.breaker.core.clock.ManualClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole life of a breaker, in front of an Anthropic-shaped and an OpenAI-shaped upstream. */
@GatewayTest
class BreakerCycleTests {

    @Autowired
    private WebTestClient client;

    @Autowired
    private ManualClock clock;

    @ParameterizedTest
    @EnumSource(ProviderShape.class)
    void tripsAfterTheFailureThresholdAndThenRejectsWithoutTouchingTheUpstream(ProviderShape shape) {
        String endpoint = "/v1/cycle/trip";
        trip(shape, endpoint);

        client.post().uri(shape.path(endpoint)).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30")
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).isEqualTo(shape.rejection(endpoint, 30));
        assertThat(Stubs.calls(shape.upstream(), endpoint)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(ProviderShape.class)
    void recoversAfterTheOpenPeriodWhenTheProbeSucceeds(ProviderShape shape) {
        String endpoint = "/v1/cycle/recover";
        trip(shape, endpoint);
        clock.advance(Duration.ofSeconds(29));
        client.post().uri(shape.path(endpoint)).bodyValue("{}").exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody();

        clock.advance(Duration.ofSeconds(1));
        Stubs.answer(shape.upstream(), endpoint, 200, Stubs.OK);
        for (int i = 0; i < 3; i++) {
            client.post().uri(shape.path(endpoint)).bodyValue("{}").exchange()
                    .expectStatus().isOk().expectBody(String.class).isEqualTo(Stubs.OK);
        }
        assertThat(Stubs.calls(shape.upstream(), endpoint)).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(ProviderShape.class)
    void reopensWhenTheProbeFails(ProviderShape shape) {
        String endpoint = "/v1/cycle/reopen";
        trip(shape, endpoint);
        clock.advance(Duration.ofSeconds(30));

        client.post().uri(shape.path(endpoint)).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(shape.failureStatus)
                .expectBody();
        client.post().uri(shape.path(endpoint)).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(String.class).isEqualTo(shape.rejection(endpoint, 30));
        assertThat(Stubs.calls(shape.upstream(), endpoint)).isEqualTo(4);
    }

    private void trip(ProviderShape shape, String endpoint) {
        WireMockServer upstream = shape.upstream();
        Stubs.answer(upstream, endpoint, shape.failureStatus, shape.failureBody);
        for (int i = 0; i < 3; i++) {
            client.post().uri(shape.path(endpoint)).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(shape.failureStatus)
                    .expectBody(String.class).isEqualTo(shape.failureBody);
        }
    }
}
