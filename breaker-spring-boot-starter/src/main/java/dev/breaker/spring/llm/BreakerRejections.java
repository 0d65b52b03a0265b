package dev.breaker.spring.llm;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.classify.Failures;
import dev.breaker.spring.dialect.Rejection;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
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
        for (Throwable cause : Failures.causes(error)) {
            if (cause instanceof BreakerOpenException open) {
                return Optional.of(open);
            }
            BreakerOpenException answered = fromRejectionResponse(cause);
            if (answered != null) {
                return Optional.of(answered);
            }
        }
        return Optional.empty();
    }

    /**
     * The Anthropic and OpenAI SDKs' status exceptions carry the response headers ({@code headers()},
     * whose {@code values(name)} lists a header's values); read reflectively so that neither SDK is needed.
     */
    private static BreakerOpenException fromRejectionResponse(Throwable error) {
        String type = error.getClass().getName();
        if (!type.startsWith("com.anthropic.errors.") && !type.startsWith("com.openai.errors.")) {
            return null;
        }
        try {
            Object headers = error.getClass().getMethod("headers").invoke(error);
            Method values = headers.getClass().getMethod("values", String.class);
            String provider = first(values.invoke(headers, Rejection.PROVIDER_HEADER));
            String key = first(values.invoke(headers, Rejection.KEY_HEADER));
            String retryAfter = first(values.invoke(headers, "Retry-After"));
            if (provider == null || key == null) {
                return null;
            }
            long seconds = retryAfter == null ? 0 : Long.parseLong(retryAfter.trim());
            return new BreakerOpenException(Rejection.fromHeaderValue(provider), Rejection.fromHeaderValue(key),
                    Duration.ofSeconds(seconds));
        } catch (ReflectiveOperationException | RuntimeException notARejection) {
            return null;
        }
    }

    private static String first(Object values) {
        return values instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : null;
    }
}
