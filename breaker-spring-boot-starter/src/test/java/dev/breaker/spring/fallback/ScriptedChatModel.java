package dev.breaker.spring.fallback;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A chat model that answers as a test tells it to, and remembers every prompt it got. */
final class ScriptedChatModel implements ChatModel {

    final List<Prompt> prompts = new CopyOnWriteArrayList<>();
    private final ChatOptions options;
    private Function<Prompt, ChatResponse> calls = prompt -> answer("Hello!", "upstream-model");
    private Function<Prompt, Flux<ChatResponse>> streams = prompt -> Flux.just(answer("Hel", "upstream-model"),
            answer("lo!", "upstream-model"));

    ScriptedChatModel(ChatOptions options) {
        this.options = options;
    }

    ScriptedChatModel() {
        this(ChatOptions.builder().build());
    }

    ScriptedChatModel failing(RuntimeException error) {
        calls = prompt -> {
            throw error;
        };
        streams = prompt -> Flux.error(error);
        return this;
    }

    ScriptedChatModel streaming(Function<Prompt, Flux<ChatResponse>> streams) {
        this.streams = streams;
        return this;
    }

    @Override
    public ChatOptions getOptions() {
        return options;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        return calls.apply(prompt);
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        prompts.add(prompt);
        return streams.apply(prompt);
    }

    static ChatResponse answer(String text, String model) {
        return new ChatResponse(List.of(new Generation(AssistantMessage.builder().content(text).build())),
                ChatResponseMetadata.builder().model(model).id("id-1").build());
    }
}
