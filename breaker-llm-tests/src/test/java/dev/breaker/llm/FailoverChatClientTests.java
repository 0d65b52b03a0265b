package dev.breaker.llm;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.llm.FailoverSettings.GPT_ENTRY;
import static dev.breaker.llm.LlmBreakerTest.GPT;
import static dev.breaker.llm.LlmBreakerTest.SONNET;
import static dev.breaker.llm.Upstreams.ANTHROPIC;
import static dev.breaker.llm.Upstreams.CHAT;
import static dev.breaker.llm.Upstreams.COMPLETION_JSON;
import static dev.breaker.llm.Upstreams.MESSAGES;
import static dev.breaker.llm.Upstreams.OPENAI;
import static dev.breaker.llm.Upstreams.anthropicOverloaded;
import static dev.breaker.llm.Upstreams.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Spring AI's auto-configured {@code ChatClient.Builder} uses the chain, with no code of ours. */
class FailoverChatClientTests extends FailoverTest {

    @Autowired
    ChatClient.Builder chatClientBuilder;

    @Test
    void theAutoConfiguredChatClientFailsOverAndThePromptsOptionsAndToolsCarryOver() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(200, COMPLETION_JSON)));
        ChatClient chatClient = chatClientBuilder.build();

        ChatResponse answer = chatClient.prompt("What is the weather in Paris?")
                .options(ChatOptions.builder().temperature(0.25))
                .tools(new Weather())
                .call()
                .chatResponse();

        assertThat(answer.getMetadata().getModel()).isEqualTo(GPT_ENTRY);
        assertThat(answer.getResult().getOutput().getText()).isEqualTo("Hello!");
        ANTHROPIC.verify(postRequestedFor(urlPathEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.model", equalTo(SONNET)))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.25")))
                .withRequestBody(matchingJsonPath("$.tools[0].name", equalTo("currentWeather"))));
        OPENAI.verify(postRequestedFor(urlPathEqualTo(CHAT))
                .withRequestBody(matchingJsonPath("$.model", equalTo(GPT)))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.25")))
                .withRequestBody(matchingJsonPath("$.tools[0].function.name", equalTo("currentWeather"))));
    }

    static class Weather {

        @Tool(description = "The current weather in a city")
        String currentWeather(String city) {
            return "Sunny in " + city;
        }
    }
}
