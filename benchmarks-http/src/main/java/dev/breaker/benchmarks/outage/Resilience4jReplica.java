package dev.breaker.benchmarks.outage;

import dev.breaker.core.BreakerState;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.function.Consumer;

/**
 * resilience4j 2.4.0, configured as close to {@link BreakerSettings} as its options allow. It has no
 * failure count, only a rate: a count-based window of 100 calls with a 5 % threshold, evaluated
 * once the window holds 100 calls, trips on exactly 5 failures among the last 100 calls. It has no
 * notion of {@code Retry-After}: its open period is always {@code waitDurationInOpenState}.
 */
final class Resilience4jReplica implements Replica {

    static final CircuitBreakerConfig CONFIG = CircuitBreakerConfig.custom()
            .slidingWindow(BreakerSettings.WINDOW_SIZE, BreakerSettings.WINDOW_SIZE, SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(100f * BreakerSettings.FAILURE_THRESHOLD / BreakerSettings.WINDOW_SIZE)
            .waitDurationInOpenState(BreakerSettings.OPEN_DURATION)
            .permittedNumberOfCallsInHalfOpenState(BreakerSettings.HALF_OPEN_CALLS)
            .recordResult(result -> result instanceof Integer status && BreakerSettings.FAILURE_STATUSES.contains(status))
            .recordExceptions(IOException.class)   // HttpTimeoutException and ConnectException are IOExceptions
            .build();

    private final CircuitBreaker breaker;

    Resilience4jReplica(String name, Consumer<BreakerState> onStateChange) {
        this.breaker = CircuitBreaker.of(name, CONFIG);
        breaker.getEventPublisher().onStateTransition(event ->
                onStateChange.accept(BreakerState.valueOf(event.getStateTransition().getToState().name())));
    }

    @Override
    public Admission tryAdmit() {
        boolean probe = breaker.getState() != CircuitBreaker.State.CLOSED;
        if (!breaker.tryAcquirePermission()) {
            return null;
        }
        long start = breaker.getCurrentTimestamp();
        return new Admission() {
            @Override
            public boolean probe() {
                return probe;
            }

            @Override
            public void responded(int status, HttpHeaders headers) {
                breaker.onResult(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), status);
            }

            @Override
            public void failed(Throwable error) {
                breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), error);
            }
        };
    }
}
