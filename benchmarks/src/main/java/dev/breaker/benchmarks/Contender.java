package dev.breaker.benchmarks;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerState;
import dev.breaker.core.CallResult;
import dev.breaker.core.registry.Breakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The breakers compared, each configured alike: trip at a given failure rate (50 %, or 75 % for the
 * 50 % mix) over the last 100 calls (or the last 60 seconds), once 10 calls are in the window. Ours
 * holds the last 100 calls of the last second (see {@link #PROVIDER_WINDOW}).
 */
public enum Contender {

    /** No breaker at all: the cost of the benchmark harness itself. */
    NO_BREAKER {
        @Override
        Guard create(int tripPercent) {
            return new Guard() {
                @Override
                public void succeed() {
                }

                @Override
                public void fail() {
                }

                @Override
                public boolean isClosed() {
                    return true;
                }
            };
        }
    },

    /** Ours: {@code Breakers.standalone} with the system coarse clock and the in-memory store. */
    PROVIDER_BREAKER {
        @Override
        Guard create(int tripPercent) {
            return new ProviderBreakerGuard(Breakers.standalone("bench", "*", providerBreakerConfig(tripPercent)));
        }
    },

    /**
     * Ours with {@code slow-call-duration} set, every call reporting a quick latency as the doors do
     * (they read the clock anyway): what judging slow calls adds to the closed path, one comparison.
     */
    PROVIDER_BREAKER_SLOW_JUDGED {
        @Override
        Guard create(int tripPercent) {
            return new SlowJudgingGuard(Breakers.standalone("bench", "*", slowJudgingConfig(tripPercent)), false);
        }
    },

    /**
     * Ours judging slow calls, where the mix's failing calls are slow successes instead: what a slow
     * call costs on the closed path (the window's lock, as a failure). Left out unless asked for.
     */
    PROVIDER_BREAKER_SLOW_MIX {
        @Override
        Guard create(int tripPercent) {
            return new SlowJudgingGuard(Breakers.standalone("bench", "*", slowJudgingConfig(tripPercent)), true);
        }
    },

    R4J_COUNT_SYNCHRONIZED {
        @Override
        Guard create(int tripPercent) {
            return r4j(SlidingWindowType.COUNT_BASED, SlidingWindowSynchronizationStrategy.SYNCHRONIZED, tripPercent);
        }
    },

    R4J_COUNT_LOCK_FREE {
        @Override
        Guard create(int tripPercent) {
            return r4j(SlidingWindowType.COUNT_BASED, SlidingWindowSynchronizationStrategy.LOCK_FREE, tripPercent);
        }
    },

    R4J_TIME_SYNCHRONIZED {
        @Override
        Guard create(int tripPercent) {
            return r4j(SlidingWindowType.TIME_BASED, SlidingWindowSynchronizationStrategy.SYNCHRONIZED, tripPercent);
        }
    },

    R4J_TIME_LOCK_FREE {
        @Override
        Guard create(int tripPercent) {
            return r4j(SlidingWindowType.TIME_BASED, SlidingWindowSynchronizationStrategy.LOCK_FREE, tripPercent);
        }
    },

    /** Failsafe's count-based breaker: {@code tripPercent} failures of the last 100 executions. */
    FAILSAFE_COUNT {
        @Override
        Guard create(int tripPercent) {
            return new FailsafeGuard(dev.failsafe.CircuitBreaker.builder()
                    .withFailureThreshold(tripPercent, WINDOW_CALLS)
                    .withDelay(Duration.ofSeconds(30))
                    .build());
        }
    };

    static final int WINDOW_CALLS = 100;
    static final int WINDOW_SECONDS = 60;
    /**
     * Ours ages calls per tenth of its window. With 1 s, a slice boundary passes every 100 ms, so the
     * code that notes it (and judges the next success) is compiled during warm-up, as in a running
     * application. With 60 s the first boundary passed 0-6 s into a fork, often during measurement:
     * the compiled closed path was thrown out there (an uncommon trap) and ran interpreted for a
     * moment, allocating. At these call rates 100 calls take well under a slice either way.
     */
    static final Duration PROVIDER_WINDOW = Duration.ofSeconds(1);
    static final int MINIMUM_CALLS = 10;

    static final int TRIP_PERCENT = 50;

    /** A slow call takes this long or more; the slow-judging contenders' calls report a quick latency. */
    static final Duration SLOW_CALL = Duration.ofSeconds(10);
    static final long QUICK_NANOS = Duration.ofMillis(300).toNanos();

    /** A fresh, closed breaker of this kind that trips at {@code tripPercent} % failures. */
    abstract Guard create(int tripPercent);

    /** One call's permission and outcome, as a caller of each library writes it. */
    interface Guard {

        /** Acquires permission and records a success. */
        void succeed();

        /** Acquires permission and records a failure. */
        void fail();

        /** Whether the breaker is still closed, so that every call measured was admitted. */
        boolean isClosed();
    }

    static BreakerConfig providerBreakerConfig(int tripPercent) {
        return BreakerConfig.builder()
                .failureRateThreshold(tripPercent / 100.0)
                .minimumCalls(MINIMUM_CALLS)
                .windowSize(WINDOW_CALLS)
                .windowDuration(PROVIDER_WINDOW)
                .build();
    }

    /** As {@link #providerBreakerConfig}, judging slow calls too: the same share of slow calls trips. */
    static BreakerConfig slowJudgingConfig(int tripPercent) {
        return providerBreakerConfig(tripPercent).toBuilder()
                .slowCallDuration(SLOW_CALL)
                .slowCallRateThreshold(tripPercent / 100.0)
                .build();
    }

    static CircuitBreakerConfig r4jConfig(SlidingWindowType type, SlidingWindowSynchronizationStrategy strategy,
                                          int tripPercent) {
        int size = type == SlidingWindowType.COUNT_BASED ? WINDOW_CALLS : WINDOW_SECONDS;
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(tripPercent)
                .slidingWindow(size, MINIMUM_CALLS, type, strategy)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .build();
    }

    private static Guard r4j(SlidingWindowType type, SlidingWindowSynchronizationStrategy strategy, int tripPercent) {
        return new R4jGuard(CircuitBreaker.of("bench", r4jConfig(type, strategy, tripPercent)));
    }

    private static final class ProviderBreakerGuard implements Guard {

        private static final CallResult FAILURE = CallResult.failure(503, null);

        private final Breaker breaker;

        ProviderBreakerGuard(Breaker breaker) {
            this.breaker = breaker;
        }

        @Override
        public void succeed() {
            breaker.tryAcquire().onSuccess();
        }

        @Override
        public void fail() {
            breaker.tryAcquire().onResult(FAILURE);
        }

        @Override
        public boolean isClosed() {
            return breaker.state() == BreakerState.CLOSED && breaker.totalRejections() == 0;
        }
    }

    /** Every call reports its latency, as the doors do; {@link #fail()} may be a slow success instead. */
    private static final class SlowJudgingGuard implements Guard {

        private static final CallResult FAILURE = CallResult.failure(503, null);
        private static final long SLOW_NANOS = SLOW_CALL.toNanos();

        private final Breaker breaker;
        private final boolean slowInsteadOfFailing;

        SlowJudgingGuard(Breaker breaker, boolean slowInsteadOfFailing) {
            this.breaker = breaker;
            this.slowInsteadOfFailing = slowInsteadOfFailing;
        }

        @Override
        public void succeed() {
            breaker.tryAcquire().onResult(CallResult.SUCCESS, QUICK_NANOS);
        }

        @Override
        public void fail() {
            if (slowInsteadOfFailing) {
                breaker.tryAcquire().onResult(CallResult.SUCCESS, SLOW_NANOS);
            } else {
                breaker.tryAcquire().onResult(FAILURE, QUICK_NANOS);
            }
        }

        @Override
        public boolean isClosed() {
            return breaker.state() == BreakerState.CLOSED && breaker.totalRejections() == 0;
        }
    }

    private static final class R4jGuard implements Guard {

        /** Without a stack trace, like a failure that is created once and rethrown. */
        private static final Exception FAILURE = new Exception("503", null, false, false) {
        };

        private final CircuitBreaker breaker;

        R4jGuard(CircuitBreaker breaker) {
            this.breaker = breaker;
        }

        @Override
        public void succeed() {
            if (breaker.tryAcquirePermission()) {
                breaker.onSuccess(0, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void fail() {
            if (breaker.tryAcquirePermission()) {
                breaker.onError(0, TimeUnit.NANOSECONDS, FAILURE);
            }
        }

        @Override
        public boolean isClosed() {
            return breaker.getState() == CircuitBreaker.State.CLOSED
                    && breaker.getMetrics().getNumberOfNotPermittedCalls() == 0;
        }
    }

    private static final class FailsafeGuard implements Guard {

        private final dev.failsafe.CircuitBreaker<Object> breaker;

        FailsafeGuard(dev.failsafe.CircuitBreaker<Object> breaker) {
            this.breaker = breaker;
        }

        @Override
        public void succeed() {
            if (breaker.tryAcquirePermit()) {
                breaker.recordSuccess();
            }
        }

        @Override
        public void fail() {
            if (breaker.tryAcquirePermit()) {
                breaker.recordFailure();
            }
        }

        @Override
        public boolean isClosed() {
            return breaker.isClosed();
        }
    }
}
