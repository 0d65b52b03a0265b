package dev.breaker.spring.aop;

import dev.breaker.core.CallResult;
import dev.breaker.core.Permit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports an asynchronous call's outcome exactly once, and releases its permit right after, however
 * many of complete, error, cancel and finally signals arrive and on whatever threads.
 */
final class PermitGuard {

    private final Permit permit;
    private final AtomicBoolean reported = new AtomicBoolean();

    PermitGuard(Permit permit) {
        this.permit = permit;
    }

    void report(CallResult result) {
        if (reported.compareAndSet(false, true)) {
            GuardedMethod.report(permit, result);
        }
    }

    void success() {
        report(CallResult.SUCCESS);
    }

    /** The caller went away (or the call ended in some way that says nothing about the upstream). */
    void ignore() {
        report(CallResult.IGNORED);
    }
}
