package dev.breaker.spring.llm;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.judge.Refusals;

import java.util.Optional;

/**
 * Finds the breaker's refusal in whatever an LLM client threw for it: a {@link BreakerOpenException}
 * anywhere in the cause chain (the SDK interceptors, LangChain4j), or an SDK status exception made
 * from the rejection response that {@link BreakerOkHttpInterceptor} answers with (Spring AI's models).
 *
 * <pre>{@code
 * try {
 *     return chatClient.prompt(question).call().content();
 * } catch (RuntimeException e) {
 *     BreakerOpenException open = BreakerRejections.find(e).orElseThrow(() -> e);
 *     return "Busy, try again in " + open.retryAfterSeconds() + "s";
 * }
 * }</pre>
 */
public final class BreakerRejections {

    private BreakerRejections() {
    }

    public static Optional<BreakerOpenException> find(Throwable error) {
        return Refusals.find(error);
    }
}
