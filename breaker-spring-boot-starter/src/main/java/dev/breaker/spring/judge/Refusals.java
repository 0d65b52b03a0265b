package dev.breaker.spring.judge;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.classify.Failures;
import dev.breaker.spring.dialect.Rejection;

import java.time.Duration;
import java.util.Optional;

/**
 * Finds a breaker's refusal in whatever a client threw for it: a {@link BreakerOpenException}
 * anywhere in the cause chain (the {@code WebClient} filter, the {@code RestClient} interceptor, the
 * SDK adapters, LangChain4j), or an exception made from the rejection response that the OkHttp
 * interceptor answers with locally (Spring AI's Anthropic and OpenAI models): an answer that carries
 * {@link Rejection#PROVIDER_HEADER} and {@link Rejection#KEY_HEADER}. A refusal is never an answer of
 * the upstream: it says nothing about the upstream's load.
 */
public final class Refusals {

    private Refusals() {
    }

    public static Optional<BreakerOpenException> find(Throwable error) {
        for (Throwable cause : Failures.causes(error)) {
            if (cause instanceof BreakerOpenException open) {
                return Optional.of(open);
            }
            BreakerOpenException answered = fromRejection(ErrorAnswers.read(cause));
            if (answered != null) {
                return Optional.of(answered);
            }
        }
        return Optional.empty();
    }

    private static BreakerOpenException fromRejection(Answer answer) {
        if (answer == null) {
            return null;
        }
        String provider = answer.headers().get(Rejection.PROVIDER_HEADER);
        String key = answer.headers().get(Rejection.KEY_HEADER);
        if (provider == null || key == null) {
            return null;
        }
        return new BreakerOpenException(Rejection.fromHeaderValue(provider), Rejection.fromHeaderValue(key),
                Duration.ofSeconds(seconds(answer.headers().get("Retry-After"))));
    }

    private static long seconds(String retryAfter) {
        try {
            return retryAfter == null ? 0 : Math.max(0, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException notSeconds) {
            return 0;
        }
    }
}
