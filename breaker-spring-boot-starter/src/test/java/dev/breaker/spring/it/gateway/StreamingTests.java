package dev.breaker.spring.it.gateway;

import dev.breaker.core.Breaker;
import dev.breaker.core.registry.BreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A streamed response still streams through the filter, and an overload announced inside it counts. */
@GatewayTest
class StreamingTests {

    private static final String OVERLOADED_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01","model":"claude-sonnet-4-5"}}

            event: ping
            data: {"type":"ping"}

            event: error
            data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}

            """;

    @Autowired
    private WebTestClient client;

    @Autowired
    private StreamGate gate;

    @Autowired
    private BreakerRegistry registry;

    /** The server sends the headers with the first event, so the first one exists before the exchange. */
    @Test
    void passesEachEventOnBeforeTheNextExists() {
        gate.open();
        gate.emit("{\"delta\":\"Hel\"}");
        Flux<String> events = client.get().uri("/anthropic/test/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        StepVerifier.create(events)
                .expectNext("{\"delta\":\"Hel\"}")
                .then(() -> gate.emit("{\"delta\":\"lo\"}"))
                .expectNext("{\"delta\":\"lo\"}")
                .then(gate::complete)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void ignoresAStreamThatTheClientAbandons() {
        Breaker breaker = registry.breaker("anthropic", "/test/stream");
        long ignored = breaker.totalIgnored();
        long successes = breaker.totalSuccesses();
        gate.open();
        gate.emit("{\"delta\":\"Hel\"}");
        Flux<String> events = client.get().uri("/anthropic/test/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        StepVerifier.create(events).expectNext("{\"delta\":\"Hel\"}").thenCancel().verify(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(breaker.totalIgnored()).isEqualTo(ignored + 1));
        assertThat(breaker.totalSuccesses()).isEqualTo(successes);
    }

    @Test
    void countsAnOverloadedErrorEventInsideA200StreamAndPassesTheStreamOnUnchanged() {
        String endpoint = "/v1/stream/messages";
        Upstreams.anthropic().stubFor(post(urlPathEqualTo(endpoint)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(OVERLOADED_STREAM)));
        for (int i = 0; i < 3; i++) {
            byte[] received = client.post().uri("/anthropic" + endpoint).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"stream\":true}").exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                    .expectBody().returnResult().getResponseBody();
            assertThat(new String(received, StandardCharsets.UTF_8)).isEqualTo(OVERLOADED_STREAM);
        }
        client.post().uri("/anthropic" + endpoint).bodyValue("{\"stream\":true}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.type").isEqualTo("overloaded_error");
        assertThat(Stubs.calls(Upstreams.anthropic(), endpoint)).isEqualTo(3);
    }

    @Test
    void countsAStreamThatEndsWellAsASuccess() {
        String endpoint = "/v1/stream/healthy";
        String stream = "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        Upstreams.anthropic().stubFor(post(urlPathEqualTo(endpoint)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(stream)));
        for (int i = 0; i < 5; i++) {
            client.post().uri("/anthropic" + endpoint).bodyValue("{}").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo(stream);
        }
        assertThat(Stubs.calls(Upstreams.anthropic(), endpoint)).isEqualTo(5);
    }
}
