package dev.breaker.benchmarks.slow;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerId;
import dev.breaker.core.BreakerState;
import dev.breaker.core.CallResult;
import dev.breaker.core.Permit;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.store.InMemoryStateStore;

import java.time.Duration;

/**
 * Ours: slow means a late first token ({@code slow-call-duration}), whatever the generation's length.
 * The doors report a call's latency as its time to first token; a half-open probe reports at its
 * first token, as the doors do.
 */
final class OurSlowContender implements SlowContender {

    private final Breaker breaker;

    OurSlowContender(ManualClock clock, Duration slowCallDuration) {
        BreakerConfig config = BreakerConfig.builder()
                .windowSize(100).windowDuration(Duration.ofSeconds(60)).minimumCalls(10)
                .failureRateThreshold(0.5)
                .slowCallDuration(slowCallDuration).slowCallRateThreshold(0.5)
                .openDuration(Duration.ofSeconds(30)).halfOpenMaxCalls(3)
                .build();
        this.breaker = new Breaker(new BreakerId("llm", "*"), config, clock, transition -> { },
                InMemoryStateStore.INSTANCE);
    }

    @Override
    public String label() {
        return "ours, slow-call-duration " + breaker.config().slowCallDuration().toMillis() + " ms (time to first token)";
    }

    @Override
    public Object admit() {
        return breaker.tryAcquire();
    }

    @Override
    public void ended(Object permit, long ttft, long total) {
        ((Permit) permit).onResult(CallResult.SUCCESS, Duration.ofMillis(ttft).toNanos());
    }

    @Override
    public long reportsAfter(Object permit, long ttft, long total) {
        return ((Permit) permit).isProbe() ? ttft : total;
    }

    @Override
    public boolean refusing() {
        return breaker.state() == BreakerState.OPEN;
    }
}
