package dev.breaker.benchmarks.slow;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * resilience4j 2.4.0 with its slow-call threshold, configured like ours: it times the whole call, as
 * its decorators do, so a long generation is slow to it however quickly the first token came.
 */
final class Resilience4jSlowContender implements SlowContender {

    private final CircuitBreaker breaker;
    private final Duration threshold;

    Resilience4jSlowContender(Clock clock, Duration slowCallDurationThreshold) {
        this.threshold = slowCallDurationThreshold;
        this.breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(100).minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .slowCallDurationThreshold(slowCallDurationThreshold).slowCallRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(3)
                .clock(clock)
                .build());
    }

    @Override
    public String label() {
        return "resilience4j 2.4.0, slowCallDurationThreshold " + threshold.toMillis() + " ms (whole call)";
    }

    @Override
    public Object admit() {
        return breaker.tryAcquirePermission() ? Boolean.TRUE : null;
    }

    @Override
    public void ended(Object permit, long ttft, long total) {
        breaker.onSuccess(total, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean refusing() {
        return breaker.getState() == CircuitBreaker.State.OPEN;
    }
}
