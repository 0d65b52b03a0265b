package dev.breaker.spring.autoconfigure;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Spring AI model ids ({@code SpringAIModels}) that a fallback entry may name instead of a bean:
 * each names its family's {@code ChatModel} class, and, for families whose chat options do not carry
 * the URL they call, where that URL is configured and its default.
 */
enum ChatModelFamily {

    ANTHROPIC("anthropic", "org.springframework.ai.anthropic.AnthropicChatModel",
            "spring.ai.anthropic.base-url", "https://api.anthropic.com"),
    OPENAI("openai", "org.springframework.ai.openai.OpenAiChatModel",
            "spring.ai.openai.base-url", "https://api.openai.com/v1"),
    OLLAMA("ollama", "org.springframework.ai.ollama.OllamaChatModel",
            "spring.ai.ollama.base-url", "http://localhost:11434"),
    MISTRAL("mistral", "org.springframework.ai.mistralai.MistralAiChatModel",
            "spring.ai.mistralai.base-url", "https://api.mistral.ai"),
    DEEPSEEK("deepseek", "org.springframework.ai.deepseek.DeepSeekChatModel",
            "spring.ai.deepseek.base-url", "https://api.deepseek.com"),
    GOOGLE_GENAI("google-genai", "org.springframework.ai.google.genai.GoogleGenAiChatModel", null, null),
    BEDROCK_CONVERSE("bedrock-converse", "org.springframework.ai.bedrock.converse.BedrockProxyChatModel", null, null);

    private final String id;
    private final String chatModelClass;
    private final String baseUrlProperty;
    private final String defaultBaseUrl;

    ChatModelFamily(String id, String chatModelClass, String baseUrlProperty, String defaultBaseUrl) {
        this.id = id;
        this.chatModelClass = chatModelClass;
        this.baseUrlProperty = baseUrlProperty;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    String id() {
        return id;
    }

    String chatModelClass() {
        return chatModelClass;
    }

    /** The property that sets the family's base URL, or null when it has none. */
    String baseUrlProperty() {
        return baseUrlProperty;
    }

    /** The base URL the family calls when none is configured, or null when it has none. */
    String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    static Optional<ChatModelFamily> ofId(String id) {
        return Arrays.stream(values()).filter(family -> family.id.equals(id)).findFirst();
    }

    /** The family whose chat model {@code type} is (or extends), if any. */
    static Optional<ChatModelFamily> ofType(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            String name = current.getName();
            Optional<ChatModelFamily> family = Arrays.stream(values())
                    .filter(candidate -> candidate.chatModelClass.equals(name)).findFirst();
            if (family.isPresent()) {
                return family;
            }
        }
        return Optional.empty();
    }
}
