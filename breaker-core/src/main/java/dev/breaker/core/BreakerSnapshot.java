package dev.breaker.core;

import java.time.Duration;

/**
 * A breaker at one moment, as the Actuator endpoint shows it.
 *
 * @param calls calls in the window (while OPEN or HALF_OPEN: in the window when it tripped)
 * @param failures failures among them
 * @param failureRate failures / calls, 0 when empty
 * @param rejections calls rejected since the breaker was created
 * @param trips times it opened by a rule (forced opens excluded)
 * @param retryAfter the rest of the open period while OPEN, else null
 * @param reason why it last opened while OPEN or HALF_OPEN, {@code FORCED} while forced, null while CLOSED
 * @param lastFailureStatus the status of the last failure, or null
 * @param totalSuccesses successes since the breaker was created
 * @param totalFailures failures since the breaker was created
 * @param totalIgnored ignored calls since the breaker was created
 * @param slowCalls slow calls among {@code calls} (0 unless {@code slow-call-duration} is set)
 * @param slowCallRate slow calls / calls, 0 when empty
 * @param totalSlowCalls finished calls that were slow since the breaker was created
 */
public record BreakerSnapshot(
        BreakerId id,
        BreakerState state,
        boolean forced,
        int calls,
        int failures,
        double failureRate,
        long rejections,
        long trips,
        Duration retryAfter,
        TransitionReason reason,
        Integer lastFailureStatus,
        long totalSuccesses,
        long totalFailures,
        long totalIgnored,
        int slowCalls,
        double slowCallRate,
        long totalSlowCalls) {
}
