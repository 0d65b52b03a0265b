package dev.breaker.llm;

import java.util.ArrayList;
import java.util.List;

import static dev.breaker.llm.FailoverUpstreams.OLLAMA;
import static dev.breaker.llm.Upstreams.ANTHROPIC;
import static dev.breaker.llm.Upstreams.OPENAI;
import static dev.breaker.llm.Upstreams.url;

/**
 * The configuration of the failover tests' application: Spring AI's Anthropic, OpenAI and Ollama chat
 * models pointed at the WireMock servers, each guarded by a provider of its own (three failures trip a
 * breaker, one probe closes it), and, as {@link #CHAIN}, a chain of all three.
 */
final class FailoverSettings {

    static final String SONNET_ENTRY = "anthropic/" + LlmBreakerTest.SONNET;
    static final String GPT_ENTRY = "openai/" + LlmBreakerTest.GPT;
    static final String LLAMA = "llama3.2";
    static final String LLAMA_ENTRY = "ollama/" + LLAMA;
    static final String CHAIN = SONNET_ENTRY + ", " + GPT_ENTRY + ", " + LLAMA_ENTRY;

    /** Anthropic's breakers are per endpoint and model; the chain asks for Sonnet. */
    static final String SONNET_KEY = "/v1/messages|" + LlmBreakerTest.SONNET;

    static final String[] PROPERTIES = {
            "spring.ai.anthropic.api-key=test-key",
            // The models' own defaults, which the chain's entries keep and replace the model of.
            "spring.ai.anthropic.chat.options.model=claude-haiku-4-5",
            "spring.ai.anthropic.chat.options.max-tokens=64",
            "spring.ai.anthropic.max-retries=0",
            "spring.ai.anthropic.timeout=2s",
            "spring.ai.openai.api-key=test-key",
            "spring.ai.openai.chat.options.model=gpt-4o-mini",
            "spring.ai.openai.max-retries=0",
            "spring.ai.ollama.chat.options.model=llama3.1",
            // Spring AI's own retries of Ollama's 5xx would wait seconds between attempts.
            "spring.ai.retry.max-attempts=0",
            "breaker.defaults.failure-threshold=3",
            "breaker.defaults.open-duration=30s",
            "breaker.defaults.half-open-max-calls=1",
            "breaker.providers.anthropic.scope=endpoint,model",
            "breaker.providers.anthropic.error-format=anthropic",
            "breaker.providers.openai.error-format=openai"};

    private FailoverSettings() {
    }

    /** The upstreams' URLs, known only once their servers run. */
    static List<String> urls() {
        return List.of(
                "spring.ai.anthropic.base-url=" + url(ANTHROPIC),
                "spring.ai.openai.base-url=" + url(OPENAI) + "/v1",
                "spring.ai.ollama.base-url=" + url(OLLAMA),
                "breaker.providers.anthropic.base-url=" + url(ANTHROPIC),
                "breaker.providers.openai.base-url=" + url(OPENAI) + "/v1",
                "breaker.providers.ollama.base-url=" + url(OLLAMA));
    }

    /** Every property and the chain, as command-line arguments. */
    static String[] arguments(String chain, String... more) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--breaker.fallback.chat-models=" + chain);
        for (String property : PROPERTIES) {
            arguments.add("--" + property);
        }
        urls().forEach(property -> arguments.add("--" + property));
        for (String property : more) {
            arguments.add("--" + property);
        }
        return arguments.toArray(String[]::new);
    }
}
