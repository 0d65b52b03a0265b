package dev.breaker.spring.actuate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerSnapshot;
import dev.breaker.core.BreakerState;

/**
 * One breaker as the endpoint shows it. Null values are written out ({@code "retryAfterSeconds":null}):
 * the shape is a contract, and the actuator's own JSON mapper would otherwise leave them out.
 *
 * @param retryAfterSeconds whole seconds until the open period ends, rounded up; null unless OPEN
 * @param reason why it last opened ({@code failure-count}, {@code failure-rate}, {@code slow-call-rate}, {@code quota},
 *               {@code probe-failed}, {@code forced}, or {@code remote} for another replica's trip);
 *               null while CLOSED
 * @param lastFailureStatus the HTTP status of the last failure, or null
 * @param slowCalls slow calls in the window; only with {@code slow-call-duration} (left out otherwise)
 * @param slowCallRate slow calls / calls; only with {@code slow-call-duration} (left out otherwise)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BreakerView(
        String key,
        BreakerState state,
        int calls,
        int failures,
        double failureRate,
        long rejections,
        long trips,
        Long retryAfterSeconds,
        boolean forced,
        String reason,
        Integer lastFailureStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer slowCalls,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double slowCallRate) {

    /** @param judgesSlowCalls whether the breaker's provider sets {@code slow-call-duration} */
    static BreakerView of(BreakerSnapshot snapshot, boolean judgesSlowCalls) {
        Long retryAfterSeconds = snapshot.state() == BreakerState.OPEN && snapshot.retryAfter() != null
                ? BreakerOpenException.retryAfterSeconds(snapshot.retryAfter()) : null;
        String reason = snapshot.state() == BreakerState.CLOSED || snapshot.reason() == null
                ? null : snapshot.reason().code();
        return new BreakerView(snapshot.id().key(), snapshot.state(), snapshot.calls(), snapshot.failures(),
                snapshot.failureRate(), snapshot.rejections(), snapshot.trips(), retryAfterSeconds, snapshot.forced(),
                reason, snapshot.lastFailureStatus(), judgesSlowCalls ? snapshot.slowCalls() : null,
                judgesSlowCalls ? snapshot.slowCallRate() : null);
    }
}
