package dev.breaker.core;

/** Why a breaker changed state. {@link #code()} is the name the endpoint and the logs use. */
public enum TransitionReason {

    FAILURE_COUNT("failure-count"),
    FAILURE_RATE("failure-rate"),
    SLOW_CALL_RATE("slow-call-rate"),
    QUOTA("quota"),
    PROBE_FAILED("probe-failed"),
    FORCED("forced"),
    OPEN_PERIOD_ELAPSED("open-period-elapsed"),
    PROBES_SUCCEEDED("probes-succeeded"),
    RESET("reset"),
    /** Another replica changed the shared state (see the Redis store). */
    REMOTE("remote");

    private final String code;

    TransitionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether this reason opens a breaker. */
    public boolean opens() {
        return this == FAILURE_COUNT || this == FAILURE_RATE || this == SLOW_CALL_RATE || this == QUOTA
                || this == PROBE_FAILED;
    }
}
