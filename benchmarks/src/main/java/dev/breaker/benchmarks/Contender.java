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
 * The breakers compared, each configured alike: trip at a 50 % failure rate over the last 100 calls
 * (or the last 60 seconds), once 10 calls are in the window. A 10 % failure mix never trips them.
 */
public enum Contender {

    /** No breaker at all: the cost of the benchmark harness itself. */
    NO_BREAKER {
        @Override
        Guard create() {
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
        Guard create() {
            return new ProviderBreakerGuard(Breakers.standalone("bench", "*", providerBreakerConfig()));
        }
    },

    R4J_COUNT_SYNCHRONIZED {
        @Override
        Guard create() {
            return r4j(SlidingWindowType.COUNT_BASED, SlidingWindowSynchronizationStrategy.SYNCHRONIZED);
        }
    },

    R4J_COUNT_LOCK_FREE {
        @Override
        Guard create() {
            return r4j(SlidingWindowType.COUNT_BASED, SlidingWindowSynchronizationStrategy.LOCK_FREE);
        }
    },

    R4J_TIME_SYNCHRONIZED {
        @Override
        Guard create() {
            return r4j(SlidingWindowType.TIME_BASED, SlidingWindowSynchronizationStrategy.SYNCHRONIZED);
        }
    },

    R4J_TIME_LOCK_FREE {
        @Override
        Guard create() {
            return r4j(SlidingWindowType.TIME_BASED, SlidingWindowSynchronizationStrategy.LOCK_FREE);
        }
    },

    /** Failsafe's count-based breaker: 50 failures of the last 100 executions. */
    FAILSAFE_COUNT {
        @Override
        Guard create() {
            return new FailsafeGuard(dev.failsafe.CircuitBreaker.builder()
                    .withFailureThreshold(50, 100)
                    .withDelay(Duration.ofSeconds(30))
                    .build());
        }
    };

    static final int WINDOW_CALLS = 100;
    static final int WINDOW_SECONDS = 60;
    static final int MINIMUM_CALLS = 10;

    /** A fresh, closed breaker of this kind. */
    abstract Guard create();

    /** One call's permission and outcome, as a caller of each library writes it. */
    interface Guard {

        /** Acquires permission and records a success. */
        void succeed();

        /** Acquires permission and records a failure. */
        void fail();

        /** Whether the breaker is still closed, so that every call measured was admitted. */
        boolean isClosed();
    }

    static BreakerConfig providerBreakerConfig() {
        return BreakerConfig.builder()
                .failureRateThreshold(0.5)
                .minimumCalls(MINIMUM_CALLS)
                .windowSize(WINDOW_CALLS)
                .windowDuration(Duration.ofSeconds(WINDOW_SECONDS))
                .build();
    }

    static CircuitBreakerConfig r4jConfig(SlidingWindowType type, SlidingWindowSynchronizationStrategy strategy) {
        int size = type == SlidingWindowType.COUNT_BASED ? WINDOW_CALLS : WINDOW_SECONDS;
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(50)
                .slidingWindow(size, MINIMUM_CALLS, type, strategy)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .build();
    }

    private static Guard r4j(SlidingWindowType type, SlidingWindowSynchronizationStrategy strategy) {
        return new R4jGuard(CircuitBreaker.of("bench", r4jConfig(type, strategy)));
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
