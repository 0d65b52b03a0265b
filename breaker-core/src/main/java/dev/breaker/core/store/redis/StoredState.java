package dev.breaker.core.store.redis;

import dev.breaker.core.BreakerState;

import java.util.List;

/**
 * One breaker's shared state as Redis holds it: the source of truth for replicas that start late or
 * missed messages.
 *
 * @param state OPEN or CLOSED (a half-open round is stored as OPEN with a past {@code retryAt})
 * @param forced whether an operator forced it
 * @param retryAt wall-clock milliseconds when an unforced OPEN breaker may probe, else 0
 * @param epoch orders every change of this breaker: Redis server time in microseconds at the
 *              change, and always above the previous epoch, so it keeps growing when Redis restarts empty
 */
record StoredState(BreakerState state, boolean forced, long retryAt, long epoch) {

    /** Reads {@code state, forced, retryAt, epoch} from a script reply starting at {@code from}; null if absent. */
    static StoredState fromReply(List<?> reply, int from) {
        if (reply.size() < from + 4 || reply.get(from) == null || reply.get(from + 3) == null) {
            return null;
        }
        BreakerState state = BreakerState.valueOf(text(reply.get(from)));
        return new StoredState(state, "1".equals(text(reply.get(from + 1))), number(reply.get(from + 2)),
                number(reply.get(from + 3)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value == null || value.toString().isEmpty() ? 0 : Long.parseLong(value.toString());
    }
}
