package dev.breaker.llm;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.llm.FailoverSettings.GPT_ENTRY;
import static dev.breaker.llm.FailoverSettings.LLAMA_ENTRY;
import static dev.breaker.llm.FailoverSettings.SONNET_ENTRY;
import static dev.breaker.llm.FailoverUpstreams.COMPLETION_STREAM;
import static dev.breaker.llm.FailoverUpstreams.OLLAMA;
import static dev.breaker.llm.FailoverUpstreams.OLLAMA_CHAT;
import static dev.breaker.llm.FailoverUpstreams.OLLAMA_STREAM;
import static dev.breaker.llm.FailoverUpstreams.OVERLOADED_BEFORE_CONTENT_STREAM;
import static dev.breaker.llm.Upstreams.ANTHROPIC;
import static dev.breaker.llm.Upstreams.CHAT;
import static dev.breaker.llm.Upstreams.MESSAGES;
import static dev.breaker.llm.Upstreams.MESSAGE_STREAM;
import static dev.breaker.llm.Upstreams.OPENAI;
import static dev.breaker.llm.Upstreams.OVERLOADED_STREAM;
import static dev.breaker.llm.Upstreams.anthropicOverloaded;
import static dev.breaker.llm.Upstreams.eventStream;
import static dev.breaker.llm.Upstreams.json;
import static dev.breaker.llm.Upstreams.requestsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@code stream()} through the chain: it moves on only before the first token reaches the caller. */
class FailoverStreamTests extends FailoverTest {

    @Test
    void aStreamThatFailsBeforeItsFirstTokenFailsOverAndTheCallerSeesOnlyTheNextEntry() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(eventStream(OVERLOADED_BEFORE_CONTENT_STREAM)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(eventStream(COMPLETION_STREAM)));

        List<ChatResponse> responses = chain.stream(new Prompt("Hi")).collectList().block();

        assertThat(text(responses)).isEqualTo("Hello!");
        assertThat(responses).extracting(response -> response.getMetadata().getModel()).containsOnly(GPT_ENTRY);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(1);
    }

    @Test
    void aStreamRefusedByAnOpenBreakerFailsOverWithoutTraffic() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(eventStream(COMPLETION_STREAM)));
        for (int i = 0; i < 3; i++) {
            assertThat(text(chain.stream(new Prompt("Hi")).collectList().block())).isEqualTo("Hello!");
        }

        assertThat(text(chain.stream(new Prompt("Hi")).collectList().block())).isEqualTo("Hello!");

        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
        assertThat(requestsTo(OPENAI)).isEqualTo(4);
    }

    @Test
    void aStreamThatFailsAfterItsFirstTokenPassesTheErrorOnAndDoesNotFailOver() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(eventStream(OVERLOADED_STREAM)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(eventStream(COMPLETION_STREAM)));
        List<String> received = new ArrayList<>();

        Throwable error = catchThrowable(() -> chain.stream(new Prompt("Hi"))
                .doOnNext(response -> received.add(response.getMetadata().getModel() + ": " + text(List.of(response))))
                .blockLast());

        assertThat(error).hasMessageContaining("Overloaded");
        assertThat(received).contains(SONNET_ENTRY + ": Hello, wor");
        assertThat(requestsTo(OPENAI)).isZero();
    }

    @Test
    void whenBothCloudProvidersFailOllamaStreamsTheAnswer() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(503, "{\"error\":{\"message\":\"overloaded\","
                + "\"type\":\"server_error\",\"param\":null,\"code\":null}}")));
        OLLAMA.stubFor(any(urlPathEqualTo(OLLAMA_CHAT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson").withBody(OLLAMA_STREAM)));

        List<ChatResponse> responses = chain.stream(new Prompt("Hi")).collectList().block();

        assertThat(text(responses)).isEqualTo("Hello from Ollama!");
        assertThat(responses).extracting(response -> response.getMetadata().getModel()).containsOnly(LLAMA_ENTRY);
        // Each model still goes through its own provider's breaker: Ollama's streams through WebClient's filter.
        assertThat(breaker("ollama", OLLAMA_CHAT).totalSuccesses()).isEqualTo(1);
        assertThat(breaker("openai", "/chat/completions").snapshot().failures()).isEqualTo(1);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(1);
        assertThat(requestsTo(OPENAI)).isEqualTo(1);
    }

    @Test
    void aCleanStreamIsServedByTheFirstEntry() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(eventStream(MESSAGE_STREAM)));

        List<ChatResponse> responses = chain.stream(new Prompt("Hi")).collectList().block();

        assertThat(text(responses)).isEqualTo("Hello!");
        assertThat(responses).extracting(response -> response.getMetadata().getModel()).containsOnly(SONNET_ENTRY);
        assertThat(requestsTo(OPENAI)).isZero();
    }

    private static String text(List<ChatResponse> responses) {
        StringBuilder text = new StringBuilder();
        for (ChatResponse response : responses) {
            if (response.getResult() != null && response.getResult().getOutput().getText() != null) {
                text.append(response.getResult().getOutput().getText());
            }
        }
        return text.toString();
    }
}
