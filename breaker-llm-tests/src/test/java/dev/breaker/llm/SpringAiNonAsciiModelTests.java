package dev.breaker.llm;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import dev.breaker.spring.llm.BreakerRejections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.llm.Upstreams.ANTHROPIC;
import static dev.breaker.llm.Upstreams.MESSAGES;
import static dev.breaker.llm.Upstreams.anthropicOverloaded;
import static dev.breaker.llm.Upstreams.requestsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14's failure 3: a model name that is not ASCII, in a key of {@code scope: endpoint,model}.
 * The refusal names the key in a header: it must be legal for OkHttp and come back exactly.
 */
class SpringAiNonAsciiModelTests extends LlmBreakerTest {

    static final String PREVIEW = "claude-sonnet-4-5-préview";

    @Autowired
    AnthropicChatModel chatModel;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previousHandler;

    @BeforeEach
    void recordUncaughtExceptions() {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
    }

    @AfterEach
    void restoreUncaughtExceptionHandler() {
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }

    @Test
    void afterTheTripCallAndStreamBothGetTheRefusalWithTheExactKey() {
        String key = MESSAGES + "|" + PREVIEW;
        Prompt prompt = new Prompt("Hi", AnthropicChatOptions.builder().model(PREVIEW).build());
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        for (int i = 0; i < 3; i++) {
            catchThrowable(() -> chatModel.call(prompt));
        }
        assertThat(breaker("anthropic", key).state()).isEqualTo(BreakerState.OPEN);

        Throwable call = catchThrowable(() -> chatModel.call(prompt));
        Throwable stream = catchThrowable(() -> chatModel.stream(prompt).collectList().block());

        for (Throwable refusal : List.of(call, stream)) {
            assertThat(refusal).isNotNull().isNotInstanceOf(IllegalArgumentException.class);
            assertThat(refusal.getClass().getSimpleName()).as("a retryable I/O error").isNotEqualTo("AnthropicIoException");
            BreakerOpenException found = BreakerRejections.find(refusal)
                    .orElseThrow(() -> new AssertionError("no refusal found in " + refusal, refusal));
            assertThat(found.provider()).isEqualTo("anthropic");
            assertThat(found.key()).isEqualTo(key);
            assertThat(found.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        }
        assertThat(requestsTo(ANTHROPIC)).as("requests that reached Anthropic").isEqualTo(3);
        // OkHttp's dispatcher thread rethrows what an interceptor throws, after the caller has been told.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(uncaught::isEmpty);
    }
}
