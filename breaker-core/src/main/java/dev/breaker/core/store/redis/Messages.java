package dev.breaker.core.store.redis;

import dev.breaker.core.BreakerId;
import dev.breaker.core.BreakerState;

/**
 * The text of the messages that replicas exchange on the store's channel, written and read here
 * only (the Lua scripts put together the texts that this class describes):
 * <ul>
 *   <li>{@code S <epoch> <state> <forced> <retryAt> <origin> <tail>}: a state change, published by
 *       {@link RedisScripts#SYNC} once it is stored;</li>
 *   <li>{@code C <origin> <tail>}: a replica saw its first failure or slow call in the window, so
 *       the others should share their calls too; built by {@link #wake}, published by
 *       {@link RedisScripts#COUNTS}.</li>
 * </ul>
 * The {@linkplain #tail tail} names the breaker: {@code <provider length> <provider><key>}. It comes
 * last and carries the provider's length because a provider or key may contain spaces.
 */
final class Messages {

    private Messages() {
    }

    /** A message from a replica ({@code origin}) about one breaker. */
    sealed interface Message {

        BreakerId id();

        String origin();
    }

    /** {@code S}: the breaker's stored state changed. */
    record StateChanged(BreakerId id, String origin, StoredState state) implements Message {
    }

    /** {@code C}: the breaker's window on {@code origin} holds a failure or a slow call now. */
    record Wake(BreakerId id, String origin) implements Message {
    }

    /** The end of every message about {@code id}. */
    static String tail(BreakerId id) {
        return id.provider().length() + " " + id.provider() + id.key();
    }

    /** The {@code C} message that {@code origin} publishes about the breaker with {@code tail}. */
    static String wake(String origin, String tail) {
        return "C " + origin + " " + tail;
    }

    /** The message {@code text} says, or null if it is malformed or of an unknown kind. */
    static Message parse(String text) {
        if (text.startsWith("S ")) {
            return stateChanged(text);
        }
        if (text.startsWith("C ")) {
            int originEnd = text.indexOf(' ', 2);
            BreakerId id = originEnd < 0 ? null : parseTail(text, originEnd + 1);
            return id == null ? null : new Wake(id, text.substring(2, originEnd));
        }
        return null;
    }

    private static StateChanged stateChanged(String text) {
        String[] parts = text.split(" ", 7);
        if (parts.length < 7) {
            return null;
        }
        try {
            StoredState state = new StoredState(BreakerState.valueOf(parts[2]), "1".equals(parts[3]),
                    Long.parseLong(parts[4]), Long.parseLong(parts[1]));
            BreakerId id = parseTail(text, text.length() - parts[6].length());
            return id == null ? null : new StateChanged(id, parts[5], state);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Reads the breaker named by a tail that starts at {@code from}; null if the text is malformed. */
    private static BreakerId parseTail(String text, int from) {
        int space = text.indexOf(' ', from);
        if (space < 0) {
            return null;
        }
        try {
            int providerLength = Integer.parseInt(text, from, space, 10);
            int providerEnd = space + 1 + providerLength;
            if (providerLength <= 0 || providerEnd > text.length()) {
                return null;
            }
            return new BreakerId(text.substring(space + 1, providerEnd), text.substring(providerEnd));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
