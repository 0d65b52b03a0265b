package dev.breaker.core;

import dev.breaker.core.window.WindowCounts;

/**
 * The two trip rules over a window's counts. The rate is compared in integer parts per million,
 * so that 95 failures of 100 trip at a threshold of 0.95 and 94 do not, free of rounding.
 */
final class TripRule {

    private static final long PPM = 1_000_000;

    private final int failureThreshold;
    private final int minimumCalls;
    private final long rateThresholdPpm;

    TripRule(BreakerConfig config) {
        this.failureThreshold = config.failureThreshold();
        this.minimumCalls = config.minimumCalls();
        this.rateThresholdPpm = Math.round(config.failureRateThreshold() * PPM);
    }

    /** The rule that holds for these counts, or null when neither does. */
    TransitionReason verdict(WindowCounts counts) {
        if (failureThreshold > 0 && counts.failures() >= failureThreshold) {
            return TransitionReason.FAILURE_COUNT;
        }
        if (counts.failures() > 0 && counts.calls() >= minimumCalls
                && counts.failures() * PPM >= rateThresholdPpm * counts.calls()) {
            return TransitionReason.FAILURE_RATE;
        }
        return null;
    }
}
