package dev.breaker.core.store.redis;

import dev.breaker.core.BreakerId;

/**
 * Names of one breaker's keys, and of the channel of the store's messages (see {@link Messages}).
 *
 * <p>Keys are {@code <prefix>{<provider>/<key>}:<kind>}. The braces are a Redis Cluster hash tag,
 * so that one breaker's keys live in one slot and a Lua script may touch all of them. Braces and
 * {@code %} inside a provider or key are percent-encoded, so that the tag always ends where it should.
 */
final class RedisKeys {

    final String state;
    final String counts;
    final String probes;

    RedisKeys(String prefix, BreakerId id) {
        String base = prefix + "{" + escape(id.provider()) + "/" + escape(id.key()) + "}:";
        this.state = base + "state";
        this.counts = base + "counts";
        this.probes = base + "probes";
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
}
