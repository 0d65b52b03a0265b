package dev.breaker.core;

import dev.breaker.core.window.WindowCounts;

import java.time.Duration;
import java.time.Instant;

/**
 * One state change of one breaker.
 *
 * @param id the breaker
 * @param from the state before
 * @param to the state after
 * @param forced whether {@code to} was forced by an operator and holds until reset
 * @param reason why (which rule, a probe, an operator, another replica)
 * @param status the HTTP status of the failure that caused it, or 0
 * @param openFor how long the breaker stays open (when {@code to} is OPEN and not forced), else null
 * @param counts the window's calls and failures when it happened
 * @param at when it happened
 */
public record StateTransition(
        BreakerId id,
        BreakerState from,
        BreakerState to,
        boolean forced,
        TransitionReason reason,
        int status,
        Duration openFor,
        WindowCounts counts,
        Instant at) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder()
                .append("provider=").append(id.provider())
                .append(" key=").append(id.key())
                .append(' ').append(from).append(" -> ").append(to)
                .append(forced ? " (forced)" : "")
                .append(" reason=").append(reason.code());
        if (status > 0) {
            text.append(" status=").append(status);
        }
        if (counts != null && counts.calls() > 0) {
            text.append(" failures=").append(counts.failures()).append('/').append(counts.calls());
        }
        if (openFor != null) {
            text.append(" retryAfter=").append(openFor.toMillis()).append("ms");
        }
        return text.toString();
    }
}
