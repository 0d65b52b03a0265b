package dev.breaker.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a Spring bean method with a provider's circuit breaker.
 *
 * <pre>{@code
 * @ProviderBreaker(value = "openai", key = "#model", fallbackMethod = "cached")
 * public Mono<String> complete(String model, String prompt) { ... }
 *
 * Mono<String> cached(String model, String prompt, BreakerOpenException rejected) { ... }
 * }</pre>
 *
 * <p>The method may return a plain value, a {@code Mono}, a {@code Flux} or a
 * {@code CompletableFuture}/{@code CompletionStage}; a reactive call takes its permit when it is
 * subscribed to and reports when it terminates (a cancelled call counts for nothing). An exception
 * that carries an HTTP status ({@code WebClientResponseException}, {@code RestClientResponseException},
 * {@code ResponseStatusException}) is judged by that status; a timeout or connection failure per
 * {@code count-timeouts}; any other exception is ignored. A rejected call fails with
 * {@link dev.breaker.core.BreakerOpenException} (or goes to the fallback) without reaching the
 * upstream: a method returning a plain value or a future is not called, a {@code Mono} or {@code Flux}
 * is not subscribed to.
 *
 * <p>As with every Spring proxy, a call from the bean to itself ({@code this.method()}) is not guarded.
 * A misused annotation (an unknown provider, a missing fallback, a key that does not parse) stops the
 * application at start-up.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProviderBreaker {

    /** The provider, as configured under {@code breaker.providers}. */
    String value();

    /**
     * A SpEL expression over the method's arguments ({@code #model}, {@code #request.tenant()}) that
     * gives the breaker's key; a null value becomes {@code -}. Empty: the key is {@code *}, one
     * breaker for the whole provider.
     */
    String key() default "";

    /**
     * The name of a method of the same bean with the same parameters plus a trailing {@code Throwable}
     * (or a subtype), returning what this method returns. It is called with a rejection
     * ({@link dev.breaker.core.BreakerOpenException}) or with the exception the call failed with;
     * among overloads, the one whose exception type is closest to the exception wins, and an exception
     * that no overload accepts is rethrown. Empty: no fallback.
     */
    String fallbackMethod() default "";
}
