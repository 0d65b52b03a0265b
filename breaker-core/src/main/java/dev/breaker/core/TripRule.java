package dev.breaker.core;

/**
 * The trip rules over a window's counts: the count and rate rules, and the slow rule where slow calls
 * are judged (only there, even if other replicas, configured otherwise, share slow calls). Rates are
 * compared in integer parts per million, so that 95 failures of 100 trip at a threshold of 0.95 and
 * 94 do not, and 50 slow calls of 100 trip at 0.5 and 49 do not, free of rounding.
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
    private final boolean judgesSlowCalls;

    TripRule(BreakerConfig config) {
        this.failureThreshold = config.failureThreshold();
        this.minimumCalls = config.minimumCalls();
        this.rateThresholdPpm = (int) Math.round(config.failureRateThreshold() * PPM);
        this.slowRateThresholdPpm = (int) Math.round(config.slowCallRateThreshold() * PPM);
        this.judgesSlowCalls = config.judgesSlowCalls();
    }

    /**
     * The rule that holds for these counts, or null when none does. The counts come taken apart, not
     * as a {@code WindowCounts}: the call paths judge without allocating.
     */
    TransitionReason verdict(int calls, int failures, int slowCalls) {
        if (failureThreshold > 0 && failures >= failureThreshold) {
            return TransitionReason.FAILURE_COUNT;
        }
        if (failures > 0 && calls >= minimumCalls && failures * PPM >= rateThresholdPpm * (long) calls) {
            return TransitionReason.FAILURE_RATE;
        }
        if (judgesSlowCalls && slowCalls > 0 && calls >= minimumCalls
                && slowCalls * PPM >= slowRateThresholdPpm * (long) calls) {
            return TransitionReason.SLOW_CALL_RATE;
        }
        return null;
    }
}
