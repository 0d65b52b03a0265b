package dev.breaker.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.client.okhttp.OkHttpClient;
import com.openai.core.ClientOptions;
import com.openai.core.Sleeper;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import dev.breaker.spring.llm.OpenAiBreakers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.llm.Upstreams.CHAT;
import static dev.breaker.llm.Upstreams.COMPLETION_JSON;
import static dev.breaker.llm.Upstreams.ERRORED_COMPLETION_STREAM;
import static dev.breaker.llm.Upstreams.OPENAI;
import static dev.breaker.llm.Upstreams.eventStream;
import static dev.breaker.llm.Upstreams.json;
import static dev.breaker.llm.Upstreams.openAiRateLimited;
import static dev.breaker.llm.Upstreams.requestsTo;
import static dev.breaker.llm.Upstreams.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The official OpenAI Java SDK, used directly, on an HTTP client wrapped by the starter. */
class OpenAiSdkTests extends LlmBreakerTest {

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
    OpenAiBreakers openAiBreakers;

    @Test
    void everyRetryIsACallThroughTheBreakerAndARefusalIsNotRetried() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(openAiRateLimited(null)));
        OpenAIClient client = client(2);

        Throwable limited = catchThrowable(() -> client.chat().completions().create(completion()));

        assertThat(limited).isInstanceOf(OpenAIServiceException.class);
        assertThat(((OpenAIServiceException) limited).statusCode()).isEqualTo(429);
        assertThat(requestsTo(OPENAI)).isEqualTo(3);

        Throwable refusal = catchThrowable(() -> client.chat().completions().create(completion()));

        assertThat(refusal).isInstanceOf(BreakerOpenException.class);
        assertThat(((BreakerOpenException) refusal).key()).isEqualTo(CHAT_KEY);
        // No retry-after: the exhausted request limit's reset (6m0s) stands in for it.
        assertThat(((BreakerOpenException) refusal).retryAfter()).isEqualTo(Duration.ofMinutes(6));
        assertThat(requestsTo(OPENAI)).isEqualTo(3);
    }

    @Test
    void staysOpenAsLongAsRetryAfterAsksThenAProbeClosesIt() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(openAiRateLimited("40")));
        OpenAIClient client = client(0);
        for (int i = 0; i < 3; i++) {
            catchThrowable(() -> client.chat().completions().create(completion()));
        }
        clock.advance(Duration.ofSeconds(39));
        assertThat(catchThrowable(() -> client.chat().completions().create(completion())))
                .isInstanceOf(BreakerOpenException.class);
        clock.advance(Duration.ofSeconds(1));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(200, COMPLETION_JSON)));

        assertThat(client.chat().completions().create(completion()).choices().get(0).message().content())
                .contains("Hello!");
        assertThat(breaker("openai", CHAT_KEY).state()).isEqualTo(BreakerState.CLOSED);
        assertThat(requestsTo(OPENAI)).isEqualTo(4);
    }

    @Test
    void anErrorInTheMiddleOfAStreamCounts() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(eventStream(ERRORED_COMPLETION_STREAM)));

        Throwable error = catchThrowable(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = client(0).chat().completions().createStreaming(completion())) {
                stream.stream().forEach(chunk -> { });
            }
        });

        assertThat(error).hasMessageContaining("The server is overloaded");
        assertThat(breaker("openai", CHAT_KEY).snapshot().failures()).isEqualTo(1);
    }

    @Test
    void theAsyncClientGetsTheRefusalAsAFailedFuture() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(openAiRateLimited("40")));
        OpenAIClient client = client(0);
        for (int i = 0; i < 3; i++) {
            catchThrowable(() -> client.async().chat().completions().create(completion()).get());
        }

        Throwable error = catchThrowable(() -> client.async().chat().completions().create(completion()).get());

        assertThat(error).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(BreakerOpenException.class);
        assertThat(requestsTo(OPENAI)).isEqualTo(3);
    }

    private OpenAIClient client(int maxRetries) {
        return new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(openAiBreakers.wrap(OkHttpClient.builder().build()))
                .baseUrl(url(OPENAI) + "/v1")
                .apiKey("test-key")
                .maxRetries(maxRetries)
                .sleeper(NO_SLEEP)
                .build());
    }

    static ChatCompletionCreateParams completion() {
        return ChatCompletionCreateParams.builder().model(GPT).addUserMessage("Hi").build();
    }
}
