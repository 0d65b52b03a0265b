package dev.breaker.core;

import dev.breaker.core.window.WindowCounts;

/**
 * The trip rules over a window's counts: the count and rate rules, and the slow rule where slow calls
 * are judged (a window that judges none counts no slow calls, so the rule never holds there). Rates
 * are compared in integer parts per million, so that 95 failures of 100 trip at a threshold of 0.95
 * and 94 do not, and 50 slow calls of 100 trip at 0.5 and 49 do not, free of rounding.
 *
 * <p>Where several rules hold at once, the reason is the first of count, rate, slow: a failure
 * explains a trip better than slowness does.
 */
final class TripRule {

    private static final long PPM = 1_000_000;

    private final int failureThreshold;
    private final int minimumCalls;
    // Ints, not longs: a threshold of at most 1 is at most a million ppm, and a breaker's memory is
    // counted in bytes (two ints fit where one long did; see IdleBreakerFootprint).
    private final int rateThresholdPpm;
    private final int slowRateThresholdPpm;

    TripRule(BreakerConfig config) {
        this.failureThreshold = config.failureThreshold();
        this.minimumCalls = config.minimumCalls();
        this.rateThresholdPpm = (int) Math.round(config.failureRateThreshold() * PPM);
        this.slowRateThresholdPpm = (int) Math.round(config.slowCallRateThreshold() * PPM);
    }

    /** The rule that holds for these counts, or null when none does. */
    TransitionReason verdict(WindowCounts counts) {
        if (failureThreshold > 0 && counts.failures() >= failureThreshold) {
            return TransitionReason.FAILURE_COUNT;
        }
        if (counts.failures() > 0 && counts.calls() >= minimumCalls
                && counts.failures() * PPM >= rateThresholdPpm * (long) counts.calls()) {
            return TransitionReason.FAILURE_RATE;
        }
        if (counts.slowCalls() > 0 && counts.calls() >= minimumCalls
                && counts.slowCalls() * PPM >= slowRateThresholdPpm * (long) counts.calls()) {
            return TransitionReason.SLOW_CALL_RATE;
        }
        return null;
    }
}
