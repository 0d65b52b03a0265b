package dev.breaker.spring.judge;

import dev.breaker.core.CallResult;
import dev.breaker.core.Permit;
import dev.breaker.core.clock.BreakerClock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Reports one admitted call's outcome to its permit exactly once, however many of the paths that
 * can end a call (the status line, the end of a body, an error, a cancellation, a safety net) race
 * to do it, on whatever threads; the permit's probe slot, if it holds one, is given back in the same step.
 *
 * <p>With a clock (the provider judges slow calls), it also times the call from admission to the
 * first sign of an answer: {@link #answered()} where a door sees one before the call ends (a stream's
 * first content), else the moment of the report (a status line, a method's result, a timeout).
 */
public final class CallReport {

    /** A field, not an {@code AtomicBoolean}: one object less on every call of every door. */
    private static final VarHandle REPORTED;

    static {
        try {
            REPORTED = MethodHandles.lookup().findVarHandle(CallReport.class, "reported", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Permit permit;
    private final BreakerClock clock;
    private final long admittedAt;
    private volatile boolean reported;
    private volatile long latency = -1;

    /** A report that does not time the call. */
    public CallReport(Permit permit) {
        this(permit, null);
    }

    /** @param clock times the call from now on; null when slow calls are not judged */
    public CallReport(Permit permit, BreakerClock clock) {
        this.permit = permit;
        this.clock = clock;
        this.admittedAt = clock == null ? 0 : clock.nanoTime();
    }

    /** The first sign of an answer has arrived: the call's latency is fixed now. */
    public void answered() {
        if (clock != null && latency < 0) {
            latency = Math.max(0, clock.nanoTime() - admittedAt);
        }
    }

    /**
     * A stream's first generated content has arrived. It is the call's first sign of an answer, and
     * a probe reports at once: its first token already says the provider is back, so it does not
     * hold its half-open slot for the rest of a long generation.
     */
    public void firstContent() {
        answered();
        if (permit.isProbe()) {
            report(CallResult.SUCCESS);
        }
    }

    /** Reports {@code result} unless an outcome was already reported; true if this call reported it. */
    public boolean report(CallResult result) {
        if (!REPORTED.compareAndSet(this, false, true)) {
            return false;
        }
        try {
            permit.onResult(result, latency());
        } finally {
            permit.release();
        }
        return true;
    }

    public boolean isReported() {
        return reported;
    }

    private long latency() {
        if (clock == null) {
            return -1;
        }
        long answeredAfter = latency;
        return answeredAfter >= 0 ? answeredAfter : Math.max(0, clock.nanoTime() - admittedAt);
    }
}
