package dev.breaker.llm;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An entry of {@code breaker.fallback.chat-models} that cannot work stops the start-up with Spring Boot's
 * failure report, naming the property and the fix. Runs the real {@code SpringApplication} with Spring
 * AI's Anthropic, OpenAI and Ollama models, as a user would.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailoverStartUpFailureTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "anthropic/claude-sonnet-4-5, mistral/mistral-large | Spring AI's mistral chat model is not on the class path; add org.springframework.ai:spring-ai-starter-model-mistral",
            "anthropic/claude-sonnet-4-5, gemini/gemini-2.5 | 'gemini' is neither a Spring AI model id nor a ChatModel bean; use one of the model ids anthropic, openai, ollama or the ChatModel beans",
            "anthropic/claude-sonnet-4-5, openai/ | entry 'openai/' names no model: write it as openai/<model name>, such as openai/gpt-4o",
            "openai/gpt-4o, anthropic/claude-sonnet-4-5, openai/gpt-4o | entry 'openai/gpt-4o' is listed twice",
            "openAiChatModel/gpt-4o, openai/gpt-4o | entry 'openai/gpt-4o' is listed twice (chat model bean 'openAiChatModel', model gpt-4o)"})
    void anEntryThatCannotWorkStopsStartUpNamingThePropertyAndTheFix(String chain, String fix, CapturedOutput output) {
        assertThatException().isThrownBy(() -> new SpringApplicationBuilder(FailoverReplicaApplication.class)
                .web(WebApplicationType.NONE).run(FailoverSettings.arguments(chain)));

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Property: breaker.fallback.chat-models")
                .contains("Value: " + chain)
                .contains(fix)
                .containsPattern("Action:\\s+Update 'breaker.fallback.chat-models'");
    }
}
