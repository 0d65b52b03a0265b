package dev.breaker.spring.judge;

import dev.breaker.core.CallResult;
import dev.breaker.core.Permit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports one admitted call's outcome to its permit exactly once, however many of the paths that
 * can end a call (the status line, the end of a body, an error, a cancellation, a safety net) race
 * to do it, on whatever threads; the permit's probe slot, if it holds one, is given back in the same step.
 */
public final class CallReport {

    private final Permit permit;
    private final AtomicBoolean reported = new AtomicBoolean();

    public CallReport(Permit permit) {
        this.permit = permit;
    }

    /** Reports {@code result} unless an outcome was already reported; true if this call reported it. */
    public boolean report(CallResult result) {
        if (!reported.compareAndSet(false, true)) {
            return false;
        }
        try {
            permit.onResult(result);
        } finally {
            permit.release();
        }
        return true;
    }

    public boolean isReported() {
        return reported.get();
    }
}
