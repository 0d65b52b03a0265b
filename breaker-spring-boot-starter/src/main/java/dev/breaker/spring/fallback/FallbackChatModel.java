package dev.breaker.spring.fallback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * A Spring AI {@link ChatModel} that serves each prompt from the first entry of a chain that can
 * serve it ({@code breaker.fallback.chat-models}).
 *
 * <ul>
 *   <li>An entry whose breaker is open is skipped: its chat model's call is refused locally, so no
 *       request leaves the application.</li>
 *   <li>An attempt that fails in a way its breaker counts (a failure status such as 529, 503 or 429,
 *       an exhausted quota, an overload event in a stream, a timeout or a connection failure) moves on
 *       to the next entry at once. Any other error (a 400, a 401, a bug) is thrown as it is.</li>
 *   <li>{@link #stream} moves on only before the first content (text or a tool call); until then it
 *       holds back what the entry sent, so the caller never sees part of an answer that was abandoned.
 *       After that, an error is passed on.</li>
 *   <li>When every entry refused or failed, the last error is thrown.</li>
 *   <li>A response's metadata names the entry that served it as its model; each move is logged at
 *       INFO and told to the {@link FallbackListener}.</li>
 * </ul>
 *
 * <p>Its own {@link #getOptions() options} are empty tool-calling options, so that a {@code ChatClient}
 * built on it carries tools and portable options in the prompt, and each entry's chat model keeps
 * its own defaults for everything the prompt does not set.
 */
public final class FallbackChatModel implements ChatModel {

    /** The metadata key that keeps the model name the upstream reported. */
    public static final String UPSTREAM_MODEL = "breaker.fallback.upstream-model";

    private static final Logger log = LoggerFactory.getLogger(FallbackChatModel.class);

    private final List<FallbackEntry> entries;
    private final FallbackListener listener;
    private final ChatOptions options = ToolCallingChatOptions.builder().build();

    public FallbackChatModel(List<FallbackEntry> entries, FallbackListener listener) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one entry");
        }
        this.entries = List.copyOf(entries);
        this.listener = listener;
    }

    public List<FallbackEntry> entries() {
        return entries;
    }

    @Override
    public ChatOptions getOptions() {
        return options;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        RuntimeException last = null;
        for (int index = 0; index < entries.size(); index++) {
            FallbackEntry entry = entries.get(index);
            try {
                return ServedBy.mark(entry.chatModel().call(entry.prompt(prompt)), entry);
            } catch (RuntimeException error) {
                if (!movesOn(index, error)) {
                    throw error;
                }
                last = error;
            }
        }
        throw last;
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        return streamFrom(prompt, 0);
    }

    private Flux<ChatResponse> streamFrom(Prompt prompt, int index) {
        FallbackEntry entry = entries.get(index);
        return Flux.defer(() -> {
            FirstContent firstContent = new FirstContent();
            return Flux.defer(() -> entry.chatModel().stream(entry.prompt(prompt)))
                    .concatMapIterable(firstContent::pass)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(firstContent.release())))
                    .map(response -> ServedBy.mark(response, entry))
                    .onErrorResume(error -> !firstContent.passed() && movesOn(index, error)
                            ? streamFrom(prompt, index + 1) : Flux.error(error));
        });
    }

    /**
     * Whether the chain moves on from the entry at {@code index} after {@code error}: only when the
     * error is a refusal or a counted failure and another entry follows. A move is logged and told.
     */
    private boolean movesOn(int index, Throwable error) {
        if (index + 1 >= entries.size()) {
            return false;
        }
        FallbackEntry from = entries.get(index);
        AttemptVerdict verdict = AttemptVerdict.of(error, from);
        if (!verdict.movesOn()) {
            return false;
        }
        FallbackMove move = new FallbackMove(from.name(), entries.get(index + 1).name(), verdict.reason(),
                verdict.detail());
        log.info("Fallback from {} to {}: {}", move.from(), move.to(), move.detail());
        listener.moved(move);
        return true;
    }
}
