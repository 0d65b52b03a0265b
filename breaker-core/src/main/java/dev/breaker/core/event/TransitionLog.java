package dev.breaker.core.event;

import dev.breaker.core.BreakerListener;
import dev.breaker.core.BreakerState;
import dev.breaker.core.StateTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs state changes: WARN when a breaker opens, INFO otherwise. Keys come from what clients send,
 * so a client choosing many keys could make many breakers change state; each provider therefore
 * logs at most {@link #LINES_PER_PERIOD} changes per {@link #PERIOD}, and the first line after a
 * quiet spell says how many were left out. The endpoint and the meters still see every change.
 */
public final class TransitionLog implements BreakerListener {

    public static final int LINES_PER_PERIOD = 20;
    public static final Duration PERIOD = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger("dev.breaker");

    private final Map<String, LineBudget> budgets = new ConcurrentHashMap<>();

    @Override
    public void onStateChange(StateTransition transition) {
        LineBudget budget = budgets.computeIfAbsent(transition.id().provider(), provider -> new LineBudget());
        long left = budget.take(transition.at().toEpochMilli());
        if (left < 0) {
            return;
        }
        String omitted = left == 0 ? "" : " (" + left + " earlier state changes of provider '"
                + transition.id().provider() + "' were not logged: at most " + LINES_PER_PERIOD + " per "
                + PERIOD.toMinutes() + " min; the circuitbreakers endpoint and the breaker.* meters show every breaker)";
        if (transition.to() == BreakerState.OPEN) {
            log.warn("Circuit breaker opened: {}{}", transition, omitted);
        } else {
            log.info("Circuit breaker changed state: {}{}", transition, omitted);
        }
    }

    /** A fixed window of {@link #LINES_PER_PERIOD} lines per {@link #PERIOD}, per provider. */
    private static final class LineBudget {

        private long periodStart = Long.MIN_VALUE;
        private int used;
        private long omitted;

        /** -1 when this line must not be logged; else how many lines were left out before it. */
        synchronized long take(long nowMillis) {
            if (periodStart == Long.MIN_VALUE || nowMillis - periodStart >= PERIOD.toMillis()) {
                periodStart = nowMillis;
                used = 0;
            }
            if (used >= LINES_PER_PERIOD) {
                omitted++;
                return -1;
            }
            used++;
            long before = omitted;
            omitted = 0;
            return before;
        }
    }
}
