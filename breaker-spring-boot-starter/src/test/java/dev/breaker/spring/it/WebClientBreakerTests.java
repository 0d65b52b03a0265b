package dev.breaker.spring.it;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.spring.BreakerAttributes.MODEL;
import static dev.breaker.spring.it.Upstreams.ANTHROPIC;
import static dev.breaker.spring.it.Upstreams.CLEAN_STREAM;
import static dev.breaker.spring.it.Upstreams.INSUFFICIENT_QUOTA_JSON;
import static dev.breaker.spring.it.Upstreams.OPENAI;
import static dev.breaker.spring.it.Upstreams.OVERLOADED_STREAM;
import static dev.breaker.spring.it.Upstreams.anthropicOverloaded;
import static dev.breaker.spring.it.Upstreams.eventStream;
import static dev.breaker.spring.it.Upstreams.json;
import static dev.breaker.spring.it.Upstreams.requestsTo;
import static dev.breaker.spring.it.Upstreams.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** {@code WebClient}s built from Spring Boot's {@code WebClient.Builder} are guarded. */
class WebClientBreakerTests extends OutboundBreakerScenarios {

    @Autowired
    ObjectProvider<WebClient.Builder> builders;

    WebClient client;

    @BeforeEach
    void clientFromBootsBuilder() {
        client = builders.getObject().build();
    }

    @Override
    Reply call(String url, Map<String, Object> attributes) {
        return client.post().uri(URI.create(url)).attributes(all -> all.putAll(attributes))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"max_tokens\":16}")
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> new Reply(response.statusCode().value(), body)))
                .block(Duration.ofSeconds(10));
    }

    @Override
    void callWithReadTimeout(String url, Duration timeout) {
        WebClient impatient = builders.getObject()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(timeout)))
                .build();
        impatient.get().uri(URI.create(url)).retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
    }

    @Test
    void countsStatusesThatRetrieveTurnsIntoExceptions() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded("5")));
        for (int i = 0; i < 3; i++) {
            Throwable error = catchThrowable(() -> retrieveMessages().block(Duration.ofSeconds(10)));
            assertThat(error).isInstanceOf(WebClientResponseException.class);
            assertThat(((WebClientResponseException) error).getStatusCode().value()).isEqualTo(529);
        }

        assertThat(catchThrowable(() -> retrieveMessages().block(Duration.ofSeconds(10))))
                .isInstanceOf(BreakerOpenException.class);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void retrieveStillSeesTheQuotaErrorBodyThatOpenedTheBreaker() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(429, INSUFFICIENT_QUOTA_JSON)));

        Throwable error = catchThrowable(() -> client.post().uri(URI.create(url(OPENAI, CHAT))).retrieve()
                .bodyToMono(String.class).block(Duration.ofSeconds(10)));

        assertThat(error).isInstanceOf(WebClientResponseException.class);
        assertThat(((WebClientResponseException) error).getResponseBodyAsString()).isEqualTo(INSUFFICIENT_QUOTA_JSON);
        assertThat(breaker("openai", "/chat/completions").state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void streamsChunkByChunkAndCountsAnOverloadInTheMiddleOfTheStream() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(
                eventStream(OVERLOADED_STREAM).withChunkedDribbleDelay(4, 600)));
        StringBuilder received = new StringBuilder();

        StepVerifier.create(streamMessages())
                .consumeNextWith(received::append)
                // The first chunk reached us before the error event was even sent: nothing is held back.
                .then(() -> assertThat(breaker("anthropic", MESSAGES_KEY).snapshot().failures()).isZero())
                .thenConsumeWhile(chunk -> true, received::append)
                .expectComplete()
                .verify(Duration.ofSeconds(10));

        assertThat(received.toString()).isEqualTo(OVERLOADED_STREAM);
        assertThat(breaker("anthropic", MESSAGES_KEY).snapshot().failures()).isEqualTo(1);
    }

    @Test
    void aProbeThatStreamsCleanlyClosesTheBreaker() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        tripMessages();
        clock.advance(Duration.ofSeconds(30));
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(eventStream(CLEAN_STREAM)));

        assertThat(String.join("", streamMessages().collectList().block(Duration.ofSeconds(10)))).isEqualTo(CLEAN_STREAM);

        assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void aStreamCancelledBeforeAnyErrorEventIsIgnoredAndGivesItsProbeSlotBack() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        tripMessages();
        clock.advance(Duration.ofSeconds(30));
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(
                eventStream(OVERLOADED_STREAM).withChunkedDribbleDelay(4, 600)));

        assertThat(streamMessages().take(1).blockLast(Duration.ofSeconds(10))).isNotEmpty();

        Breaker breaker = breaker("anthropic", MESSAGES_KEY);
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.probesInFlight()).isZero();
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, "{}")));
        assertThat(callMessages(SONNET).status()).isEqualTo(200);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void aCallCancelledBeforeItsResponseIsIgnoredAndGivesItsProbeSlotBack() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        tripMessages();
        clock.advance(Duration.ofSeconds(30));
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, "{}").withFixedDelay(2_000)));

        Disposable pending = retrieveMessages().subscribe(body -> { }, error -> { });
        await().atMost(Duration.ofSeconds(5)).until(() -> requestsTo(ANTHROPIC) == 4);
        Breaker breaker = breaker("anthropic", MESSAGES_KEY);
        assertThat(breaker.probesInFlight()).isEqualTo(1);
        long failuresBefore = breaker.totalFailures();
        long ignoredBefore = breaker.totalIgnored();
        pending.dispose();

        assertThat(breaker.probesInFlight()).isZero();
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.totalFailures()).isEqualTo(failuresBefore);
        assertThat(breaker.totalIgnored()).isEqualTo(ignoredBefore + 1);
    }

    private reactor.core.publisher.Mono<String> retrieveMessages() {
        return client.post().uri(URI.create(url(ANTHROPIC, MESSAGES))).attribute(MODEL, SONNET)
                .retrieve().bodyToMono(String.class);
    }

    private Flux<String> streamMessages() {
        return client.post().uri(URI.create(url(ANTHROPIC, MESSAGES))).attribute(MODEL, SONNET)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(DataBuffer.class)
                .map(buffer -> {
                    String chunk = buffer.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(buffer);
                    return chunk;
                });
    }
}
