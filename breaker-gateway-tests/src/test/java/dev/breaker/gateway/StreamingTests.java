package dev.breaker.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event stream relayed by a gateway route reaches the client byte for byte, and an overload that
 * the provider announces inside a 200 stream still counts as a failure.
 */
class StreamingTests extends GatewayRouteTest {

    private static final String REQUEST = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private static final String HEALTHY_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01","model":"claude-sonnet-4-5"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Héllo, "}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"wörld"}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    private static final String OVERLOADED_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_02","model":"claude-sonnet-4-5"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"A "}}

            event: error
            data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}

            """;

    @Test
    void passesAnEventStreamThroughByteForByte() {
        Upstream.answer("/v1/stream-ok", stream(HEALTHY_STREAM));

        byte[] received = streamOf("/anthropic/v1/stream-ok");

        assertThat(received).isEqualTo(HEALTHY_STREAM.getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(breaker("anthropic", "/v1/stream-ok").path("calls").asLong()).isEqualTo(1));
        assertThat(breaker("anthropic", "/v1/stream-ok").path("failures").asLong()).isZero();
    }

    @Test
    void countsAnErrorEventInsideA200StreamAndStillPassesTheStreamOn() {
        Upstream.answer("/v1/stream-overloaded", stream(OVERLOADED_STREAM));

        for (int i = 0; i < 3; i++) {
            assertThat(streamOf("/anthropic/v1/stream-overloaded"))
                    .isEqualTo(OVERLOADED_STREAM.getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(breaker("anthropic", "/v1/stream-overloaded").path("state").asString()).isEqualTo("OPEN"));
        assertThat(breaker("anthropic", "/v1/stream-overloaded").path("lastFailureStatus").asInt()).isEqualTo(200);
        client.post().uri("/anthropic/v1/stream-overloaded").contentType(MediaType.APPLICATION_JSON).bodyValue(REQUEST)
                .exchange().expectStatus().isEqualTo(503);
        assertThat(Upstream.calls("/v1/stream-overloaded")).isEqualTo(3);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder stream(String events) {
        // Sent in several chunks, some cutting an event in two, as a provider's stream arrives.
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withHeader("Cache-Control", "no-cache")
                .withBody(events).withChunkedDribbleDelay(5, 200);
    }

    private byte[] streamOf(String path) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(REQUEST).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }
}
