package dev.breaker.spring.web.server;

import dev.breaker.core.CallResult;
import dev.breaker.core.Permit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports one admitted request's outcome to its permit exactly once, however many of the paths that
 * can end a request (commit, end of stream, cancellation, a fallback) race to do it; the permit's
 * probe slot, if it holds one, is given back in the same step.
 */
final class CallRecorder {

    private final Permit permit;
    private final AtomicBoolean reported = new AtomicBoolean();

    CallRecorder(Permit permit) {
        this.permit = permit;
    }

    /** Reports {@code result} unless an outcome was already reported; true if this call reported it. */
    boolean record(CallResult result) {
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

    boolean isReported() {
        return reported.get();
    }
}
