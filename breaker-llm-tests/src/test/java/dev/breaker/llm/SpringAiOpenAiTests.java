package dev.breaker.llm;

import com.openai.errors.OpenAIServiceException;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.llm.Upstreams.CHAT;
import static dev.breaker.llm.Upstreams.COMPLETION_JSON;
import static dev.breaker.llm.Upstreams.ERRORED_COMPLETION_STREAM;
import static dev.breaker.llm.Upstreams.INSUFFICIENT_QUOTA_JSON;
import static dev.breaker.llm.Upstreams.OPENAI;
import static dev.breaker.llm.Upstreams.eventStream;
import static dev.breaker.llm.Upstreams.json;
import static dev.breaker.llm.Upstreams.openAiRateLimited;
import static dev.breaker.llm.Upstreams.requestsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Spring AI's {@code OpenAiChatModel}, as Spring AI's auto-configuration builds it, with no code of ours. */
class SpringAiOpenAiTests extends LlmBreakerTest {

    @Autowired
    OpenAiChatModel chatModel;

    @Test
    void rateLimitsTripTheBreakerAndThenCallsAreRefusedWithoutReachingOpenAi() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(
                openAiRateLimited("20").withHeader("retry-after-ms", "45000")));
        for (int i = 0; i < 3; i++) {
            Throwable error = catchThrowable(() -> chatModel.call(new Prompt("Hi")));
            assertThat(error).isInstanceOf(OpenAIServiceException.class);
            assertThat(((OpenAIServiceException) error).statusCode()).isEqualTo(429);
        }

        Throwable error = catchThrowable(() -> chatModel.call(new Prompt("Hi")));

        assertThat(error).isInstanceOf(OpenAIServiceException.class);
        assertThat(((OpenAIServiceException) error).statusCode()).isEqualTo(503);
        BreakerOpenException refusal = refused(() -> chatModel.call(new Prompt("Hi")));
        assertThat(refusal.provider()).isEqualTo("openai");
        assertThat(refusal.key()).isEqualTo(CHAT_KEY);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(requestsTo(OPENAI)).isEqualTo(3);
    }

    @Test
    void staysOpenAsLongAsRetryAfterAsksThenAProbeClosesIt() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(openAiRateLimited("90")));
        for (int i = 0; i < 3; i++) {
            catchThrowable(() -> chatModel.call(new Prompt("Hi")));
        }

        clock.advance(Duration.ofSeconds(89));
        assertThat(refused(() -> chatModel.call(new Prompt("Hi"))).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(200, COMPLETION_JSON)));

        assertThat(chatModel.call(new Prompt("Hi")).getResult().getOutput().getText()).isEqualTo("Hello!");
        assertThat(breaker("openai", CHAT_KEY).state()).isEqualTo(BreakerState.CLOSED);
        assertThat(requestsTo(OPENAI)).isEqualTo(4);
    }

    @Test
    void anExhaustedQuotaOpensTheBreakerAtOnce() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(429, INSUFFICIENT_QUOTA_JSON)));

        Throwable quota = catchThrowable(() -> chatModel.call(new Prompt("Hi")));

        // The SDK still got the quota error's body, which the breaker read on its way.
        assertThat(quota).isInstanceOf(OpenAIServiceException.class).hasMessageContaining("You exceeded your current quota");
        assertThat(refused(() -> chatModel.call(new Prompt("Hi"))).retryAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(requestsTo(OPENAI)).isEqualTo(1);
    }

    @Test
    void anErrorInTheMiddleOfAStreamCounts() {
        // OpenAI's own type for an overload mid-stream, listed in this provider's stream-failure-types.
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(eventStream(ERRORED_COMPLETION_STREAM)));
        for (int i = 0; i < 3; i++) {
            Throwable error = catchThrowable(() -> chatModel.stream(new Prompt("Hi")).collectList().block());
            assertThat(error).as("stream %d", i).hasMessageContaining("The server is overloaded");
        }
        // A stream's outcome is reported when its body ends, just after the client has been told of the error.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(breaker("openai", CHAT_KEY).state()).isEqualTo(BreakerState.OPEN));

        BreakerOpenException refusal = refused(() -> chatModel.stream(new Prompt("Hi")).collectList().block());

        assertThat(refusal.key()).isEqualTo(CHAT_KEY);
        assertThat(requestsTo(OPENAI)).isEqualTo(3);
    }
}
