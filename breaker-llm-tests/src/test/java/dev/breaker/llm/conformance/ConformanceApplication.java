package dev.breaker.llm.conformance;

import dev.breaker.core.clock.ManualClock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A reactive web application with the starter: a gateway that forwards to the providers (for the
 * inbound filter) and a bean of {@code @ProviderBreaker} methods. The doors that are clients
 * (WebClient, RestClient, Spring AI, the SDKs, LangChain4j) are built by the tests from the
 * starter's beans. Spring AI's model auto-configurations are left out: the tests build their models
 * themselves, for one provider each. Breaker time moves only when a test says so; none does, so
 * reset times in headers resolve against 2026-01-01T00:00:00Z exactly.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.ai.model.anthropic.autoconfigure.AnthropicChatAutoConfiguration",
        "org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration",
        "org.springframework.ai.model.openai.autoconfigure.OpenAiEmbeddingAutoConfiguration",
        "org.springframework.ai.model.openai.autoconfigure.OpenAiImageAutoConfiguration",
        "org.springframework.ai.model.openai.autoconfigure.OpenAiAudioSpeechAutoConfiguration",
        "org.springframework.ai.model.openai.autoconfigure.OpenAiAudioTranscriptionAutoConfiguration",
        "org.springframework.ai.model.openai.autoconfigure.OpenAiModerationAutoConfiguration"})
@Import({Gateway.class, AnnotatedClient.class})
class ConformanceApplication {

    /** Left out where a test needs real time to pass (slow calls: {@code conformance.real-time=true}). */
    @Bean
    @ConditionalOnProperty(name = "conformance.real-time", havingValue = "false", matchIfMissing = true)
    ManualClock breakerClock() {
        return new ManualClock();
    }
}
