package dev.breaker.spring.fallback;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds a stream's responses back until the first one that carries content (text, or a tool call),
 * then lets it and everything before it pass: until then the caller has seen nothing, so the chain
 * may still move on without the caller seeing a word from an entry that gave way. Signals of one
 * stream arrive one at a time, so no locking.
 */
final class FirstContent {

    private List<ChatResponse> held = new ArrayList<>();
    private boolean passed;

    /** What to give the caller now that {@code response} arrived. */
    List<ChatResponse> pass(ChatResponse response) {
        if (passed) {
            return List.of(response);
        }
        held.add(response);
        if (!carriesContent(response)) {
            return List.of();
        }
        passed = true;
        return release();
    }

    /** The responses still held when a stream ended without content (an empty answer is still an answer). */
    List<ChatResponse> release() {
        List<ChatResponse> released = held;
        held = new ArrayList<>();
        return released;
    }

    /** Whether content has reached the caller: from then on an error is passed on, not failed over. */
    boolean passed() {
        return passed;
    }

    static boolean carriesContent(ChatResponse response) {
        for (Generation generation : response.getResults()) {
            AssistantMessage output = generation.getOutput();
            if (output != null && ((output.getText() != null && !output.getText().isEmpty()) || output.hasToolCalls())) {
                return true;
            }
        }
        return false;
    }
}
