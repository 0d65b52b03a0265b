package dev.breaker.benchmarks.outage;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

import java.util.List;

/**
 * A Spring AI chat model whose upstream is one of the failover run's servers: what Spring AI's own
 * models do, minus the JSON, with the same kinds of exceptions (an HTTP status, a time-out).
 */
final class HttpChatModel implements ChatModel {

    private final UpstreamCall upstream;

    HttpChatModel(UpstreamCall upstream) {
        this.upstream = upstream;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        upstream.send();
        return new ChatResponse(List.of(new Generation(AssistantMessage.builder().content("pong").build())));
    }
}
