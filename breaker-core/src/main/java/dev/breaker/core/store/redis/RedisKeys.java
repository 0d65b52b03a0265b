package dev.breaker.core.store.redis;

import dev.breaker.core.BreakerId;

/**
 * Names of one breaker's keys and the text of the store's pub/sub messages.
 *
 * <p>Keys are {@code <prefix>{<provider>/<key>}:<kind>}. The braces are a Redis Cluster hash tag,
 * so that one breaker's keys live in one slot and a Lua script may touch all of them. Braces and
 * {@code %} inside a provider or key are percent-encoded, so that the tag always ends where it should.
 */
final class RedisKeys {

    final String state;
    final String counts;
    final String probes;

    /** {@code <provider length> <provider><key>}: the end of every message about this breaker. */
    final String messageTail;

    RedisKeys(String prefix, BreakerId id) {
        String base = prefix + "{" + escape(id.provider()) + "/" + escape(id.key()) + "}:";
        this.state = base + "state";
        this.counts = base + "counts";
        this.probes = base + "probes";
        this.messageTail = id.provider().length() + " " + id.provider() + id.key();
    }

    /** The channel every replica subscribes to. */
    static String channel(String prefix) {
        return prefix + "events";
    }

    static String escape(String text) {
        if (text.indexOf('{') < 0 && text.indexOf('}') < 0 && text.indexOf('%') < 0) {
            return text;
        }
        return text.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
    }

    /**
     * Reads the breaker named by a message tail ({@code <provider length> <provider><key>}) that
     * starts at {@code from}; null if the text is malformed.
     */
    static BreakerId parseTail(String message, int from) {
        int space = message.indexOf(' ', from);
        if (space < 0) {
            return null;
        }
        try {
            int providerLength = Integer.parseInt(message, from, space, 10);
            int providerEnd = space + 1 + providerLength;
            if (providerLength <= 0 || providerEnd > message.length()) {
                return null;
            }
            return new BreakerId(message.substring(space + 1, providerEnd), message.substring(providerEnd));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
