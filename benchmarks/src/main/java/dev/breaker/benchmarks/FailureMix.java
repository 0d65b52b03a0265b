package dev.breaker.benchmarks;

/**
 * How often a benchmark thread's call fails, and the failure rate that trips every contender in that
 * mix: 50 % as in the earlier runs, 75 % for the 50 % mix so that it never trips.
 */
enum FailureMix {

    NONE("0%", 0, Contender.TRIP_PERCENT),
    ONE_PERCENT("1%", 100, Contender.TRIP_PERCENT),
    TEN_PERCENT("10%", 10, Contender.TRIP_PERCENT),
    HALF("50%", 2, 75),
    /** One failure, then 149 successes: longer than the 100-call window, so it empties in between. */
    ONE_IN_150("1/150", 150, Contender.TRIP_PERCENT);

    final String label;
    /** Every how many calls a thread fails, or 0 for never. */
    final int failureEvery;
    final int tripPercent;

    FailureMix(String label, int failureEvery, int tripPercent) {
        this.label = label;
        this.failureEvery = failureEvery;
        this.tripPercent = tripPercent;
    }

    static FailureMix of(String label) {
        for (FailureMix mix : values()) {
            if (mix.label.equals(label)) {
                return mix;
            }
        }
        throw new IllegalArgumentException("unknown failure mix " + label + ": use 0%, 1%, 10%, 50% or 1/150");
    }
}
