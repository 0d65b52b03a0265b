package dev.breaker.core.store.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The store's Lua scripts. Each runs atomically on the slot of one breaker (all its keys carry the
 * breaker's hash tag), so a decision and its effects can never interleave with another replica's.
 * They read Redis's own {@code TIME}, so replicas' clocks never need to agree (effects replication,
 * the default since Redis 5, allows writes after it).
 */
final class RedisScripts {

    /**
     * Writes a state change if the rules allow it, then publishes it (the {@code S} message of
     * {@link Messages}); else returns what is stored.
     *
     * <p>KEYS: state, counts, probes. ARGV: kind, state, forced, retryAt, based-on epoch, origin,
     * channel, message tail, TTL in ms (0 = no expiry). Kinds: {@code F} forced and {@code R} reset
     * always win; {@code T} a trip wins unless the stored state is forced; {@code C} closing after
     * probes wins only if nothing changed since the epoch it is based on (a newer trip elsewhere
     * beats it) and the state is not forced; {@code S} restores a state only where none is stored
     * (Redis lost it); {@code Q} only reads. Returns {@code {1, epoch}} when written, else
     * {@code {0, state, forced, retryAt, epoch}} or {@code {0}} when nothing is stored.
     */
    static final Script SYNC = new Script("""
            local stored = redis.call('HMGET', KEYS[1], 'state', 'forced', 'retryAt', 'epoch')
            local kind = ARGV[1]
            local storedEpoch = tonumber(stored[4]) or 0
            local accept
            if kind == 'F' or kind == 'R' then
              accept = true
            elseif kind == 'S' then
              accept = not stored[1]
            elseif kind == 'Q' or stored[2] == '1' then
              accept = false
            elseif kind == 'T' then
              accept = true
            elseif kind == 'C' then
              accept = storedEpoch <= tonumber(ARGV[5])
            else
              return redis.error_reply('unknown kind ' .. kind)
            end
            if not accept then
              if not stored[1] then return {0} end
              return {0, stored[1], stored[2], stored[3], stored[4]}
            end
            local time = redis.call('TIME')
            local epoch = math.max(storedEpoch + 1, tonumber(time[1]) * 1000000 + tonumber(time[2]))
            local e = string.format('%.0f', epoch)
            redis.call('HSET', KEYS[1], 'state', ARGV[2], 'forced', ARGV[3], 'retryAt', ARGV[4], 'epoch', e, 'origin', ARGV[6])
            local ttl = tonumber(ARGV[9])
            if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) else redis.call('PERSIST', KEYS[1]) end
            if kind ~= 'S' then redis.call('DEL', KEYS[2], KEYS[3]) end
            redis.call('PUBLISH', ARGV[7], 'S ' .. e .. ' ' .. ARGV[2] .. ' ' .. ARGV[3] .. ' ' .. ARGV[4] .. ' ' .. ARGV[6] .. ' ' .. ARGV[8])
            return {1, e}
            """);

    /**
     * Stores this replica's window counts and returns the sum of the other replicas' fresh ones.
     *
     * <p>KEYS: counts, state. ARGV: replica id, calls, failures, slow calls, the epoch the replica has
     * seen, window in ms, channel, wake-up message ({@link Messages#wake}). Each replica's field is
     * {@code "<calls> <failures> <slow calls> <redis time ms>"}. A replica that has not seen the latest
     * state change writes nothing and gets {@code {0, state, forced, retryAt, epoch}} to catch up with;
     * otherwise {@code {1, calls, failures, slow calls}}. Entries older than the window (a replica that
     * went away), or in any other form (a replica of an older version), are dropped. The first failure
     * or slow call of a replica publishes the wake-up message, so that replicas that only see plain
     * successes start sharing their calls too (the rate rules need them).
     */
    static final Script COUNTS = new Script("""
            local stored = redis.call('HMGET', KEYS[2], 'state', 'forced', 'retryAt', 'epoch')
            if (tonumber(stored[4]) or 0) > tonumber(ARGV[5]) then
              return {0, stored[1], stored[2], stored[3], stored[4]}
            end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local window = tonumber(ARGV[6])
            local previous = redis.call('HGET', KEYS[1], ARGV[1])
            local entry = ARGV[2] .. ' ' .. ARGV[3] .. ' ' .. ARGV[4] .. ' ' .. string.format('%.0f', now)
            redis.call('HSET', KEYS[1], ARGV[1], entry)
            redis.call('PEXPIRE', KEYS[1], window)
            if tonumber(ARGV[3]) + tonumber(ARGV[4]) > 0 then
              local before = 0
              if previous then
                local f, s = string.match(previous, '^%d+ (%d+) (%d+) %d+$')
                before = f and tonumber(f) + tonumber(s) or 0
              end
              if before == 0 then redis.call('PUBLISH', ARGV[7], ARGV[8]) end
            end
            local all = redis.call('HGETALL', KEYS[1])
            local calls, failures, slow = 0, 0, 0
            for i = 1, #all, 2 do
              if all[i] ~= ARGV[1] then
                local c, f, s, at = string.match(all[i + 1], '^(%d+) (%d+) (%d+) (%d+)$')
                if c and now - tonumber(at) <= window then
                  calls = calls + tonumber(c)
                  failures = failures + tonumber(f)
                  slow = slow + tonumber(s)
                else
                  redis.call('HDEL', KEYS[1], all[i])
                end
              end
            end
            return {1, calls, failures, slow}
            """);

    /**
     * Takes one of {@code half-open-max-calls} probe leases shared by every replica. A lease expires
     * after the probe timeout, so a replica that dies mid-probe cannot keep a slot.
     *
     * <p>KEYS: probes. ARGV: lease id, maximum, probe timeout in ms. Returns 1 if taken, else 0.
     */
    static final Script ACQUIRE_PROBE = new Script("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """);

    private RedisScripts() {
    }

    /** A script's text and the SHA-1 that {@code EVALSHA} names it by. */
    record Script(String body, String sha) {

        Script(String body) {
            this(body, sha1(body));
        }

        private static String sha1(String body) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-1");
                return HexFormat.of().formatHex(digest.digest(body.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required of every JVM", e);
            }
        }
    }
}
