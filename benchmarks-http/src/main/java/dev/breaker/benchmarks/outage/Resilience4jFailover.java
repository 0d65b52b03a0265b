package dev.breaker.benchmarks.outage;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.decorators.Decorators;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * resilience4j 2.4.0 with a fallback written as its README shows it: {@code Decorators.ofSupplier(…)
 * .withCircuitBreaker(…).withFallback(…)}, the fallback calling the other upstream. The breaker is
 * configured as {@link Resilience4jReplica}'s, except that the call throws (as {@code RestClient} does)
 * instead of returning a status, so it records the same failures as exceptions.
 *
 * <ul>
 *   <li>{@link Fallback#README_EXCEPTIONS}: the README's list, {@code TimeoutException},
 *       {@code CallNotPermittedException} and {@code BulkheadFullException}: only an open breaker falls
 *       back, since neither a 429 or 529 nor {@code RestClient}'s time-out is on it.</li>
 *   <li>{@link Fallback#EVERY_EXCEPTION}: {@code withFallback(throwable -> …)}, the documentation's "recover
 *       from any exception": every failure falls back, a 400 or 401 included.</li>
 * </ul>
 */
final class Resilience4jFailover implements FailoverContender {

    enum Fallback { README_EXCEPTIONS, EVERY_EXCEPTION }

    static final CircuitBreakerConfig CONFIG = CircuitBreakerConfig.custom()
            .slidingWindow(BreakerSettings.WINDOW_SIZE, BreakerSettings.WINDOW_SIZE, SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(100f * BreakerSettings.FAILURE_THRESHOLD / BreakerSettings.WINDOW_SIZE)
            .waitDurationInOpenState(BreakerSettings.OPEN_DURATION)
            .permittedNumberOfCallsInHalfOpenState(BreakerSettings.HALF_OPEN_CALLS)
            .recordException(Resilience4jFailover::isFailure)
            .build();

    private final String label;
    private final Recorder primary;
    private final CircuitBreaker breaker;
    private final UpstreamCall primaryCall;
    private final UpstreamCall fallbackCall;
    private final Fallback fallback;

    Resilience4jFailover(String label, Fallback fallback, Recorder primary, URI primaryUri, URI fallbackUri,
                         Duration timeout, Executor httpThreads) {
        this.label = label;
        this.fallback = fallback;
        this.primary = primary;
        this.breaker = CircuitBreaker.of(label, CONFIG);
        breaker.getEventPublisher().onStateTransition(event -> primary.stateChanged(0,
                dev.breaker.core.BreakerState.valueOf(event.getStateTransition().getToState().name())));
        this.primaryCall = new UpstreamCall(primaryUri, timeout, httpThreads, List.of());
        this.fallbackCall = new UpstreamCall(fallbackUri, timeout, httpThreads, List.of());
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Recorder primary() {
        return primary;
    }

    @Override
    public boolean ask() {
        Supplier<Boolean> primaryAnswer = () -> {
            primaryCall.send();
            return false;
        };
        Decorators.DecorateSupplier<Boolean> decorated = Decorators.ofSupplier(primaryAnswer).withCircuitBreaker(breaker);
        return switch (fallback) {
            case README_EXCEPTIONS -> decorated.withFallback(List.of(TimeoutException.class,
                    CallNotPermittedException.class, BulkheadFullException.class), throwable -> fallback()).get();
            case EVERY_EXCEPTION -> decorated.withFallback(throwable -> fallback()).get();
        };
    }

    private boolean fallback() {
        fallbackCall.send();
        return true;
    }

    /** The same failures as the other contenders count: a failure status, a time-out or connection failure. */
    private static boolean isFailure(Throwable error) {
        return error instanceof ResourceAccessException || (error instanceof RestClientResponseException response
                && BreakerSettings.FAILURE_STATUSES.contains(response.getStatusCode().value()));
    }
}
