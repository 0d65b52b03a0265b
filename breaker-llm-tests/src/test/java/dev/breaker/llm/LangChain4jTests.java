package dev.breaker.llm;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import dev.breaker.spring.llm.LangChain4jBreakerOpenException;
import dev.breaker.spring.llm.LangChain4jBreakers;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.llm.Upstreams.ANTHROPIC;
import static dev.breaker.llm.Upstreams.CHAT;
import static dev.breaker.llm.Upstreams.COMPLETION_JSON;
import static dev.breaker.llm.Upstreams.MESSAGES;
import static dev.breaker.llm.Upstreams.MESSAGE_JSON;
import static dev.breaker.llm.Upstreams.OPENAI;
import static dev.breaker.llm.Upstreams.OVERLOADED_STREAM;
import static dev.breaker.llm.Upstreams.anthropicOverloaded;
import static dev.breaker.llm.Upstreams.eventStream;
import static dev.breaker.llm.Upstreams.json;
import static dev.breaker.llm.Upstreams.openAiRateLimited;
import static dev.breaker.llm.Upstreams.requestsTo;
import static dev.breaker.llm.Upstreams.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** LangChain4j's Anthropic and OpenAI models, given the starter's HTTP client builder. */
class LangChain4jTests extends LlmBreakerTest {

    @Autowired
    LangChain4jBreakers breakers;

    @Test
    void overloadsTripTheBreakerAndThenCallsAreRefusedWithoutReachingAnthropic() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        ChatModel claude = claude(0);
        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowable(() -> claude.chat("Hi"))).isInstanceOf(InternalServerException.class);
        }

        Throwable error = catchThrowable(() -> claude.chat("Hi"));

        assertThat(error).isInstanceOf(LangChain4jBreakerOpenException.class);
        BreakerOpenException refusal = ((LangChain4jBreakerOpenException) error).refusal();
        assertThat(refusal.provider()).isEqualTo("anthropic");
        assertThat(refusal.key()).isEqualTo(MESSAGES_KEY);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void aRefusalIsNotRetriedEvenWhenTheModelRetries() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        for (int i = 0; i < 3; i++) {
            catchThrowable(() -> claude(0).chat("Hi"));
        }

        Throwable error = catchThrowable(() -> claude(2).chat("Hi"));

        assertThat(error).isInstanceOf(LangChain4jBreakerOpenException.class);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void retryAfterIsLostInLangChain4jsHttpExceptionSoTheOpenDurationAppliesThenAProbeClosesIt() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded("120")));
        ChatModel claude = claude(0);
        for (int i = 0; i < 3; i++) {
            catchThrowable(() -> claude.chat("Hi"));
        }
        assertThat(refused(() -> claude.chat("Hi")).retryAfter()).isEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(30));
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, MESSAGE_JSON)));

        assertThat(claude.chat("Hi")).isEqualTo("Hello!");
        assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void anOverloadInTheMiddleOfAStreamCountsAndAnOpenBreakerRefusesStreams() throws Exception {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(eventStream(OVERLOADED_STREAM)));
        AnthropicStreamingChatModel claude = AnthropicStreamingChatModel.builder()
                .httpClientBuilder(breakers.httpClientBuilder())
                .baseUrl(url(ANTHROPIC) + "/v1")
                .apiKey("test-key")
                .modelName(SONNET)
                .maxTokens(64)
                .build();
        for (int i = 0; i < 3; i++) {
            assertThat(streamError(claude)).hasMessageContaining("Overloaded");
        }
        // A stream's outcome is reported when its body ends, just after the client has been told of the error.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.OPEN));

        assertThat(streamError(claude)).isInstanceOf(LangChain4jBreakerOpenException.class);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void openAiRateLimitsTripTheBreakerToo() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(openAiRateLimited("40")));
        ChatModel gpt = OpenAiChatModel.builder()
                .httpClientBuilder(breakers.httpClientBuilder())
                .baseUrl(url(OPENAI) + "/v1")
                .apiKey("test-key")
                .modelName(GPT)
                .maxRetries(0)
                .build();
        for (int i = 0; i < 3; i++) {
            catchThrowable(() -> gpt.chat("Hi"));
        }

        BreakerOpenException refusal = refused(() -> gpt.chat("Hi"));

        assertThat(refusal.key()).isEqualTo(CHAT_KEY);
        assertThat(requestsTo(OPENAI)).isEqualTo(3);
        clock.advance(Duration.ofSeconds(30));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(200, COMPLETION_JSON)));
        assertThat(gpt.chat("Hi")).isEqualTo("Hello!");
    }

    private ChatModel claude(int maxRetries) {
        return AnthropicChatModel.builder()
                .httpClientBuilder(breakers.httpClientBuilder())
                .baseUrl(url(ANTHROPIC) + "/v1")
                .apiKey("test-key")
                .modelName(SONNET)
                .maxTokens(64)
                .maxRetries(maxRetries)
                .build();
    }

    /** The error a streamed chat ends with (the handler is told on LangChain4j's own thread). */
    private static Throwable streamError(AnthropicStreamingChatModel model) throws Exception {
        CompletableFuture<Throwable> error = new CompletableFuture<>();
        model.chat("Hi", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                error.complete(null);
            }

            @Override
            public void onError(Throwable failure) {
                error.complete(failure);
            }
        });
        Throwable failure = error.get(10, TimeUnit.SECONDS);
        assertThat(failure).as("the stream's error").isNotNull();
        return failure;
    }
}
