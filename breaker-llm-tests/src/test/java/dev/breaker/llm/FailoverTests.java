package dev.breaker.llm;

import com.anthropic.errors.AnthropicServiceException;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import dev.breaker.spring.llm.BreakerRejections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.llm.FailoverSettings.GPT_ENTRY;
import static dev.breaker.llm.FailoverSettings.LLAMA;
import static dev.breaker.llm.FailoverSettings.LLAMA_ENTRY;
import static dev.breaker.llm.FailoverSettings.SONNET_ENTRY;
import static dev.breaker.llm.FailoverSettings.SONNET_KEY;
import static dev.breaker.llm.FailoverUpstreams.INVALID_REQUEST_JSON;
import static dev.breaker.llm.FailoverUpstreams.OLLAMA;
import static dev.breaker.llm.FailoverUpstreams.OLLAMA_CHAT;
import static dev.breaker.llm.FailoverUpstreams.OLLAMA_JSON;
import static dev.breaker.llm.FailoverUpstreams.ollamaUnavailable;
import static dev.breaker.llm.LlmBreakerTest.GPT;
import static dev.breaker.llm.LlmBreakerTest.SONNET;
import static dev.breaker.llm.Upstreams.ANTHROPIC;
import static dev.breaker.llm.Upstreams.CHAT;
import static dev.breaker.llm.Upstreams.COMPLETION_JSON;
import static dev.breaker.llm.Upstreams.MESSAGES;
import static dev.breaker.llm.Upstreams.MESSAGE_JSON;
import static dev.breaker.llm.Upstreams.OPENAI;
import static dev.breaker.llm.Upstreams.anthropicOverloaded;
import static dev.breaker.llm.Upstreams.json;
import static dev.breaker.llm.Upstreams.openAiRateLimited;
import static dev.breaker.llm.Upstreams.requestsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** {@code call()} through the chain of Spring AI's real Anthropic, OpenAI and Ollama models. */
@ExtendWith(OutputCaptureExtension.class)
class FailoverTests extends FailoverTest {

    @Test
    void anOverloadedAnthropicTripsItsBreakerThenOpenAiServesEveryPromptAndAnthropicSeesNoRequest(CapturedOutput output) {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(200, COMPLETION_JSON)));
        double movesBefore = fallbacks(SONNET_ENTRY, GPT_ENTRY);

        for (int i = 0; i < 3; i++) {
            assertThat(servedBy(chain.call(new Prompt("Hi")))).as("prompt %d", i).isEqualTo(GPT_ENTRY);
        }
        assertThat(breaker("anthropic", SONNET_KEY).state()).isEqualTo(BreakerState.OPEN);
        for (int i = 0; i < 5; i++) {
            ChatResponse answer = chain.call(new Prompt("Hi"));
            assertThat(servedBy(answer)).isEqualTo(GPT_ENTRY);
            assertThat(answer.getResult().getOutput().getText()).isEqualTo("Hello!");
        }

        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
        assertThat(requestsTo(OPENAI)).isEqualTo(8);
        // Each attempt asked for the entry's model, not the chat model's default.
        ANTHROPIC.verify(3, postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.model", equalTo(SONNET))));
        OPENAI.verify(8, postRequestedFor(urlPathEqualTo(CHAT)).withRequestBody(matchingJsonPath("$.model", equalTo(GPT))));
        assertThat(fallbacks(SONNET_ENTRY, GPT_ENTRY) - movesBefore).isEqualTo(8);
        assertThat(output).contains("Fallback from " + SONNET_ENTRY + " to " + GPT_ENTRY + ": failed with status 529")
                .contains("Fallback from " + SONNET_ENTRY + " to " + GPT_ENTRY
                        + ": refused: breaker open for provider 'anthropic', key '" + SONNET_KEY + "'");
    }

    @Test
    void anthropicHealsAndOnceItsBreakerClosesPromptsGoBackToIt() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(200, COMPLETION_JSON)));
        for (int i = 0; i < 3; i++) {
            chain.call(new Prompt("Hi"));
        }
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, MESSAGE_JSON)));
        assertThat(servedBy(chain.call(new Prompt("Hi")))).as("still open").isEqualTo(GPT_ENTRY);

        clock.advance(Duration.ofSeconds(30));
        ChatResponse probe = chain.call(new Prompt("Hi"));

        assertThat(servedBy(probe)).isEqualTo(SONNET_ENTRY);
        assertThat(breaker("anthropic", SONNET_KEY).state()).isEqualTo(BreakerState.CLOSED);
        for (int i = 0; i < 3; i++) {
            assertThat(servedBy(chain.call(new Prompt("Hi")))).isEqualTo(SONNET_ENTRY);
        }
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3 + 1 + 3);
        assertThat(requestsTo(OPENAI)).isEqualTo(4);
    }

    @Test
    void aBadRequestFromTheFirstEntryIsThrownAndTheSecondIsNeverCalled() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(400, INVALID_REQUEST_JSON)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(200, COMPLETION_JSON)));

        Throwable error = catchThrowable(() -> chain.call(new Prompt("Hi")));

        assertThat(error).isInstanceOf(AnthropicServiceException.class).hasMessageContaining("max_tokens");
        assertThat(((AnthropicServiceException) error).statusCode()).isEqualTo(400);
        assertThat(requestsTo(OPENAI)).isZero();
    }

    @Test
    void aTimeoutMovesOnAtOnce() {
        // spring.ai.anthropic.timeout is 2s: OkHttp's call timeout cancels the call.
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, MESSAGE_JSON).withFixedDelay(3_000)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(200, COMPLETION_JSON)));

        assertThat(servedBy(chain.call(new Prompt("Hi")))).isEqualTo(GPT_ENTRY);

        assertThat(breaker("anthropic", SONNET_KEY).snapshot().failures()).isEqualTo(1);
        // WireMock journals a delayed request only once it has answered it; the next test must not see it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(requestsTo(ANTHROPIC)).isEqualTo(1));
    }

    @Test
    void ollamaServesWhenBothCloudProvidersFailAndTheResponseSaysSo() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(openAiRateLimited(null)));
        OLLAMA.stubFor(any(urlPathEqualTo(OLLAMA_CHAT)).willReturn(json(200, OLLAMA_JSON)));

        ChatResponse answer = chain.call(new Prompt("Hi"));

        assertThat(servedBy(answer)).isEqualTo(LLAMA_ENTRY);
        assertThat(answer.getResult().getOutput().getText()).isEqualTo("Hello from Ollama!");
        assertThat((String) answer.getMetadata().get("breaker.fallback.upstream-model")).isEqualTo(LLAMA);
        OLLAMA.verify(postRequestedFor(urlPathEqualTo(OLLAMA_CHAT)).withRequestBody(matchingJsonPath("$.model", equalTo(LLAMA))));
    }

    @Test
    void whenEveryEntryFailsOrIsOpenTheCallerGetsTheLastError() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(openAiRateLimited(null)));
        OLLAMA.stubFor(any(urlPathEqualTo(OLLAMA_CHAT)).willReturn(ollamaUnavailable()));
        for (int i = 0; i < 3; i++) {
            // Ollama's 503, as Spring AI's RestClient-based model reports it.
            assertThat(catchThrowable(() -> chain.call(new Prompt("Hi")))).as("prompt %d", i)
                    .isInstanceOf(TransientAiException.class).hasMessageContaining("503");
        }
        assertThat(List.of(breaker("anthropic", SONNET_KEY).state(), breaker("openai", "/chat/completions").state(),
                breaker("ollama", OLLAMA_CHAT).state())).containsOnly(BreakerState.OPEN);

        Throwable error = catchThrowable(() -> chain.call(new Prompt("Hi")));

        BreakerOpenException refusal = BreakerRejections.find(error).orElseThrow(() -> new AssertionError(error));
        assertThat(refusal.provider()).isEqualTo("ollama");
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
        assertThat(requestsTo(OPENAI)).isEqualTo(3);
        assertThat(requestsTo(OLLAMA)).isEqualTo(3);
    }

    static String servedBy(ChatResponse response) {
        return response.getMetadata().getModel();
    }
}
