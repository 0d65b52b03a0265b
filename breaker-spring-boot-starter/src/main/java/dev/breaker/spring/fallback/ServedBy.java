package dev.breaker.spring.fallback;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * Marks a response with the entry that served it: the metadata's model becomes the entry as written
 * ({@code openai/gpt-4o}), and the model name the upstream reported ({@code gpt-4o-2024-08-06}) moves
 * to the metadata key {@link FallbackChatModel#UPSTREAM_MODEL}.
 */
final class ServedBy {

    private ServedBy() {
    }

    static ChatResponse mark(ChatResponse response, FallbackEntry entry) {
        ChatResponseMetadata original = response.getMetadata();
        ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
                .id(original.getId())
                .model(entry.name())
                .rateLimit(original.getRateLimit())
                .usage(original.getUsage())
                .promptMetadata(original.getPromptMetadata());
        original.entrySet().forEach(value -> metadata.keyValue(value.getKey(), value.getValue()));
        if (original.getModel() != null && !original.getModel().isEmpty()) {
            metadata.keyValue(FallbackChatModel.UPSTREAM_MODEL, original.getModel());
        }
        return new ChatResponse(response.getResults(), metadata.build());
    }
}
