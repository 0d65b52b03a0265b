package dev.breaker.llm;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.Sleeper;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import dev.breaker.spring.llm.AnthropicBreakerInterceptor;
import dev.breaker.spring.outbound.OutboundGuard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.llm.Upstreams.ANTHROPIC;
import static dev.breaker.llm.Upstreams.MESSAGES;
import static dev.breaker.llm.Upstreams.MESSAGE_JSON;
import static dev.breaker.llm.Upstreams.OVERLOADED_STREAM;
import static dev.breaker.llm.Upstreams.anthropicOverloaded;
import static dev.breaker.llm.Upstreams.eventStream;
import static dev.breaker.llm.Upstreams.json;
import static dev.breaker.llm.Upstreams.requestsTo;
import static dev.breaker.llm.Upstreams.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** The official Anthropic Java SDK, used directly, with the starter's interceptor added to its builder. */
class AnthropicSdkTests extends LlmBreakerTest {

    /** The SDK's retries happen at once: its backoff is not what these tests are about. */
    static final Sleeper NO_SLEEP = new Sleeper() {
        @Override
        public void sleep(Duration duration) {
        }

        @Override
        public CompletableFuture<Void> sleepAsync(Duration duration) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    };

    @Autowired
    OutboundGuard guard;

    /**
     * {@code AnthropicOkHttpClient.Builder.baseUrl(...)} hands the URL to the SDK's backend, below the
     * interceptors, so an interceptor sees the default {@code https://api.anthropic.com}: a client
     * pointed elsewhere names its provider.
     */
    AnthropicBreakerInterceptor breakerInterceptor;

    @BeforeEach
    void interceptorForTheAnthropicProvider() {
        breakerInterceptor = new AnthropicBreakerInterceptor(guard, "anthropic");
    }

    @Test
    void everyRetryIsACallThroughTheBreakerAndARefusalIsNotRetried() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        AnthropicClient client = client(2);

        Throwable overloaded = catchThrowable(() -> client.messages().create(message(SONNET)));

        assertThat(overloaded).isInstanceOf(AnthropicServiceException.class);
        assertThat(((AnthropicServiceException) overloaded).statusCode()).isEqualTo(529);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
        assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.OPEN);

        Throwable refusal = catchThrowable(() -> client.messages().create(message(SONNET)));

        assertThat(refusal).isInstanceOf(BreakerOpenException.class);
        assertThat(((BreakerOpenException) refusal).key()).isEqualTo(MESSAGES_KEY);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void theBreakerCutsTheSdksRetryLoopShort() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));

        Throwable error = catchThrowable(() -> client(5).messages().create(message(SONNET)));

        // Three attempts fail and trip the breaker; the fourth is refused and ends the loop.
        assertThat(error).isInstanceOf(BreakerOpenException.class);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void staysOpenAsLongAsRetryAfterAsksThenAProbeClosesIt() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded("120")));
        AnthropicClient client = client(0);
        for (int i = 0; i < 3; i++) {
            catchThrowable(() -> client.messages().create(message(SONNET)));
        }
        clock.advance(Duration.ofSeconds(119));
        assertThat(catchThrowable(() -> client.messages().create(message(SONNET))))
                .isInstanceOf(BreakerOpenException.class);
        clock.advance(Duration.ofSeconds(1));
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, MESSAGE_JSON)));

        assertThat(client.messages().create(message(SONNET)).content().get(0).asText().text()).isEqualTo("Hello!");
        assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.CLOSED);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(4);
    }

    @Test
    void anOverloadInTheMiddleOfAStreamCounts() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(eventStream(OVERLOADED_STREAM)));

        Throwable error = catchThrowable(() -> {
            try (StreamResponse<RawMessageStreamEvent> stream = client(0).messages().createStreaming(message(SONNET))) {
                stream.stream().forEach(event -> { });
            }
        });

        assertThat(error).hasMessageContaining("Overloaded");
        assertThat(breaker("anthropic", MESSAGES_KEY).snapshot().failures()).isEqualTo(1);
    }

    @Test
    void theAsyncClientGetsTheRefusalAsAFailedFuture() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        AnthropicClient client = client(0);
        for (int i = 0; i < 3; i++) {
            Throwable error = catchThrowable(() -> client.async().messages().create(message(SONNET)).get());
            assertThat(error).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AnthropicServiceException.class);
        }

        Throwable error = catchThrowable(() -> client.async().messages().create(message(SONNET)).get());

        assertThat(error).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(BreakerOpenException.class);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void aTimeoutCountsAsAFailure() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, MESSAGE_JSON).withFixedDelay(1_500)));
        AnthropicClient impatient = AnthropicOkHttpClient.builder().baseUrl(url(ANTHROPIC)).apiKey("test-key")
                .maxRetries(0).timeout(Duration.ofMillis(300)).addInterceptor(breakerInterceptor).build();

        Throwable error = catchThrowable(() -> impatient.messages().create(message(SONNET)));

        assertThat(error).isNotNull().isNotInstanceOf(BreakerOpenException.class);
        assertThat(breaker("anthropic", MESSAGES_KEY).snapshot().failures()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(requestsTo(ANTHROPIC)).isEqualTo(1));
    }

    private AnthropicClient client(int maxRetries) {
        return AnthropicOkHttpClient.builder()
                .baseUrl(url(ANTHROPIC))
                .apiKey("test-key")
                .maxRetries(maxRetries)
                .sleeper(NO_SLEEP)
                .addInterceptor(breakerInterceptor)
                .build();
    }

    static MessageCreateParams message(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(64).addUserMessage("Hi").build();
    }
}
