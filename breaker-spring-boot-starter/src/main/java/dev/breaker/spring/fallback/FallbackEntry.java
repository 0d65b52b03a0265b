package dev.breaker.spring.fallback;

import dev.breaker.spring.judge.ResponseJudge;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * One entry of {@code breaker.fallback.chat-models}: a chat model, the model name it is asked for,
 * and how the breaker of its provider judges what it throws.
 *
 * @param name the entry as written ({@code openai/gpt-4o}): in logs, meters and the response metadata
 * @param chatModel the Spring AI chat model that serves it
 * @param model the model name that replaces the prompt's
 * @param provider the provider whose breakers guard the chat model's calls, or null when none does
 *     (the entry is then never skipped)
 * @param judge how that provider's breakers judge what the chat model throws ({@code breaker.defaults}
 *     when there is no provider)
 */
public record FallbackEntry(String name, ChatModel chatModel, String model, String provider, ResponseJudge judge) {

    /**
     * The prompt as this entry gets it, built the way Spring AI's {@code ChatClient} builds one: the chat
     * model's own options ({@code getOptions().mutate()}), the prompt's options combined on top
     * ({@code combineWith}: the portable ones and tools whatever their family, family-specific ones only
     * for a chat model of that family), and this entry's model name.
     */
    public Prompt prompt(Prompt prompt) {
        ChatOptions.Builder<?> options = chatModel.getOptions().mutate();
        if (prompt.getOptions() != null) {
            options.combineWith(prompt.getOptions().mutate());
        }
        options.model(model);
        return prompt.mutate().chatOptions(options.build()).build();
    }

    @Override
    public String toString() {
        return name;
    }
}
