package dev.breaker.spring.it;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
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

/** {@code RestClient}s built from Spring Boot's {@code RestClient.Builder} are guarded. */
class RestClientBreakerTests extends OutboundBreakerScenarios {

    @Autowired
    ObjectProvider<RestClient.Builder> builders;

    RestClient client;

    @BeforeEach
    void clientFromBootsBuilder() {
        client = builders.getObject().build();
    }

    @Override
    Reply call(String url, Map<String, Object> attributes) {
        return client.post().uri(URI.create(url)).attributes(all -> all.putAll(attributes))
                .contentType(MediaType.APPLICATION_JSON).body("{\"max_tokens\":16}")
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Override
    void callWithReadTimeout(String url, Duration timeout) {
        SimpleClientHttpRequestFactory impatient = new SimpleClientHttpRequestFactory();
        impatient.setReadTimeout(timeout);
        builders.getObject().requestFactory(impatient).build()
                .get().uri(URI.create(url)).retrieve().toBodilessEntity();
    }

    @Test
    void countsStatusesThatRetrieveTurnsIntoExceptions() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded("5")));
        for (int i = 0; i < 3; i++) {
            Throwable error = catchThrowable(this::retrieveMessages);
            assertThat(error).isInstanceOf(RestClientResponseException.class);
            assertThat(((RestClientResponseException) error).getStatusCode().value()).isEqualTo(529);
        }

        assertThat(catchThrowable(this::retrieveMessages)).isInstanceOf(BreakerOpenException.class);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void retrieveStillSeesTheQuotaErrorBodyThatOpenedTheBreaker() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(429, INSUFFICIENT_QUOTA_JSON)));

        Throwable error = catchThrowable(() -> client.post().uri(URI.create(url(OPENAI, CHAT))).retrieve()
                .body(String.class));

        assertThat(error).isInstanceOf(RestClientResponseException.class);
        assertThat(((RestClientResponseException) error).getResponseBodyAsString()).isEqualTo(INSUFFICIENT_QUOTA_JSON);
        assertThat(breaker("openai", "/chat/completions").state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void streamsChunkByChunkAndCountsAnOverloadInTheMiddleOfTheStream() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(
                eventStream(OVERLOADED_STREAM).withChunkedDribbleDelay(4, 600)));

        String received = streamingClient().post().uri(URI.create(url(ANTHROPIC, MESSAGES))).attribute(MODEL, SONNET)
                .exchange((request, response) -> {
                    InputStream body = response.getBody();
                    byte[] first = new byte[8192];
                    int read = body.read(first);
                    // The first chunk reached us before the error event was even sent: nothing is held back.
                    assertThat(breaker("anthropic", MESSAGES_KEY).snapshot().failures()).isZero();
                    return new String(first, 0, read, StandardCharsets.UTF_8)
                            + new String(body.readAllBytes(), StandardCharsets.UTF_8);
                });

        assertThat(received).isEqualTo(OVERLOADED_STREAM);
        assertThat(breaker("anthropic", MESSAGES_KEY).snapshot().failures()).isEqualTo(1);
    }

    @Test
    void aProbeThatStreamsCleanlyClosesTheBreaker() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        tripMessages();
        clock.advance(Duration.ofSeconds(30));
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(eventStream(CLEAN_STREAM)));

        String received = client.post().uri(URI.create(url(ANTHROPIC, MESSAGES))).attribute(MODEL, SONNET)
                .retrieve().body(String.class);

        assertThat(received).isEqualTo(CLEAN_STREAM);
        assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void aStreamClosedBeforeAnyErrorEventIsIgnoredAndGivesItsProbeSlotBack() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        tripMessages();
        clock.advance(Duration.ofSeconds(30));
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(
                eventStream(OVERLOADED_STREAM).withChunkedDribbleDelay(4, 600)));

        int firstRead = streamingClient().post().uri(URI.create(url(ANTHROPIC, MESSAGES))).attribute(MODEL, SONNET)
                .exchange((request, response) -> response.getBody().read(new byte[64]));

        assertThat(firstRead).isPositive();
        Breaker breaker = breaker("anthropic", MESSAGES_KEY);
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.probesInFlight()).isZero();
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, "{}")));
        assertThat(callMessages(SONNET).status()).isEqualTo(200);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    private String retrieveMessages() {
        return client.post().uri(URI.create(url(ANTHROPIC, MESSAGES))).attribute(MODEL, SONNET)
                .retrieve().body(String.class);
    }

    /** A client from Boot's builder on the JDK's HTTP client, whose body stream hands over each chunk as it comes. */
    private RestClient streamingClient() {
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return builders.getObject().requestFactory(new JdkClientHttpRequestFactory(http11)).build();
    }
}
