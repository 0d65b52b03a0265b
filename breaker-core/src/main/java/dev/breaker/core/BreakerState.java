package dev.breaker.core;

/** The three states of a breaker. A forced state reports as {@link #OPEN} or {@link #CLOSED}. */
public enum BreakerState {

    /** Calls pass; outcomes are recorded in the sliding window. */
    CLOSED(0.0),

    /** Calls are rejected until the open period has elapsed. */
    OPEN(1.0),

    /** A limited number of probe calls decide whether the upstream has recovered. */
    HALF_OPEN(0.5);

    private final double gaugeValue;

    BreakerState(double gaugeValue) {
        this.gaugeValue = gaugeValue;
    }

    /** The value of the {@code breaker.state} gauge: 0 closed, 0.5 half-open, 1 open. */
    public double gaugeValue() {
        return gaugeValue;
    }
}
