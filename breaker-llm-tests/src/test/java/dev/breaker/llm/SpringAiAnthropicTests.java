package dev.breaker.llm;

import com.anthropic.errors.AnthropicServiceException;
import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import dev.breaker.spring.llm.BreakerRejections;
import dev.breaker.spring.llm.SpringAiAnthropicBreakerCustomizer;
import org.junit.jupiter.api.Test;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.llm.Upstreams.ANTHROPIC;
import static dev.breaker.llm.Upstreams.MESSAGES;
import static dev.breaker.llm.Upstreams.MESSAGE_JSON;
import static dev.breaker.llm.Upstreams.MESSAGE_STREAM;
import static dev.breaker.llm.Upstreams.OVERLOADED_STREAM;
import static dev.breaker.llm.Upstreams.anthropicOverloaded;
import static dev.breaker.llm.Upstreams.eventStream;
import static dev.breaker.llm.Upstreams.json;
import static dev.breaker.llm.Upstreams.requestsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Spring AI's {@code AnthropicChatModel}, as Spring AI's auto-configuration builds it, with no code of ours. */
class SpringAiAnthropicTests extends LlmBreakerTest {

    @Autowired
    AnthropicChatModel chatModel;

    @Test
    void overloadsTripTheBreakerAndThenCallsAreRefusedWithoutReachingAnthropic() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded("20")));
        for (int i = 0; i < 3; i++) {
            Throwable error = catchThrowable(() -> chatModel.call(new Prompt("Hi")));
            assertThat(error).isInstanceOf(AnthropicServiceException.class);
            assertThat(((AnthropicServiceException) error).statusCode()).isEqualTo(529);
        }

        Throwable error = catchThrowable(() -> chatModel.call(new Prompt("Hi")));

        // What Spring AI's SDK client makes of the local rejection: its own exception for the status, not retried.
        assertThat(error).isInstanceOf(AnthropicServiceException.class);
        assertThat(((AnthropicServiceException) error).statusCode()).isEqualTo(503);
        assertThat(error.getMessage()).contains("Circuit breaker for provider 'anthropic'");
        BreakerOpenException refusal = refused(() -> chatModel.call(new Prompt("Hi")));
        assertThat(refusal.provider()).isEqualTo("anthropic");
        assertThat(refusal.key()).isEqualTo(MESSAGES_KEY);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void everyRetryIsACallThroughTheBreakerAndTheRefusalEndsTheRetryLoop(
            @Autowired SpringAiAnthropicBreakerCustomizer breakerCustomizer) {
        // retry-after: 0 keeps the SDK from sleeping between its retries.
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded("0")));
        AnthropicChatModel retrying = AnthropicChatModel.builder()
                .options(AnthropicChatOptions.builder().baseUrl(Upstreams.url(ANTHROPIC)).apiKey("test-key")
                        .model(SONNET).maxTokens(64).maxRetries(5).build())
                .httpClientBuilderCustomizer(breakerCustomizer)
                .build();

        Throwable error = catchThrowable(() -> retrying.call(new Prompt("Hi")));

        // Three attempts fail and trip the breaker; the fourth is answered locally, and not retried.
        assertThat(error).isInstanceOf(AnthropicServiceException.class);
        assertThat(((AnthropicServiceException) error).statusCode()).isEqualTo(503);
        assertThat(BreakerRejections.find(error)).isPresent();
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void staysOpenAsLongAsRetryAfterAsksThenAProbeClosesIt() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded("120")));
        tripSonnet();
        assertThat(refused(() -> chatModel.call(new Prompt("Hi"))).retryAfter()).isEqualTo(Duration.ofSeconds(120));

        clock.advance(Duration.ofSeconds(119));
        refused(() -> chatModel.call(new Prompt("Hi")));
        clock.advance(Duration.ofSeconds(1));
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, MESSAGE_JSON)));

        ChatResponse answer = chatModel.call(new Prompt("Hi"));

        assertThat(answer.getResult().getOutput().getText()).isEqualTo("Hello!");
        assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.CLOSED);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(4);
    }

    @Test
    void theModelOfTheRequestPicksTheBreaker() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        tripSonnet();
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, MESSAGE_JSON)));

        ChatResponse haiku = chatModel.call(new Prompt("Hi", AnthropicChatOptions.builder().model(HAIKU).build()));

        assertThat(haiku.getResult().getOutput().getText()).isEqualTo("Hello!");
        refused(() -> chatModel.call(new Prompt("Hi")));
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(4);
    }

    @Test
    void anOverloadInTheMiddleOfAStreamCountsAndAnOpenBreakerRefusesStreams() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(eventStream(OVERLOADED_STREAM)));
        for (int i = 0; i < 3; i++) {
            Throwable error = catchThrowable(() -> chatModel.stream(new Prompt("Hi")).collectList().block());
            assertThat(error).as("stream %d", i).isNotNull();
        }
        // A stream's outcome is reported when its body ends, just after the client has been told of the error.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.OPEN));

        BreakerOpenException refusal = refused(() -> chatModel.stream(new Prompt("Hi")).collectList().block());

        assertThat(refusal.key()).isEqualTo(MESSAGES_KEY);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void aCleanStreamIsASuccessAndReachesTheCallerWhole() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(eventStream(MESSAGE_STREAM)));

        String text = String.join("", chatModel.stream(new Prompt("Hi"))
                .mapNotNull(response -> response.getResult() == null ? null : response.getResult().getOutput().getText())
                .collectList().block());

        assertThat(text).isEqualTo("Hello!");
        Breaker breaker = breaker("anthropic", MESSAGES_KEY);
        assertThat(breaker.snapshot().calls()).isEqualTo(1);
        assertThat(breaker.snapshot().failures()).isZero();
    }

    @Test
    void aTimeoutCountsAsAFailure() {
        // spring.ai.anthropic.timeout is 2s: OkHttp's call timeout cancels the call.
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, MESSAGE_JSON).withFixedDelay(3_000)));

        Throwable error = catchThrowable(() -> chatModel.call(new Prompt("Hi")));

        assertThat(error).isNotNull();
        assertThat(BreakerRejections.find(error)).isEmpty();
        assertThat(breaker("anthropic", MESSAGES_KEY).snapshot().failures()).isEqualTo(1);
        // WireMock journals a delayed request only once it has answered it; the next test must not see it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(requestsTo(ANTHROPIC)).isEqualTo(1));
    }

    private void tripSonnet() {
        for (int i = 0; i < 3; i++) {
            catchThrowable(() -> chatModel.call(new Prompt("Hi")));
        }
        assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.OPEN);
    }
}
