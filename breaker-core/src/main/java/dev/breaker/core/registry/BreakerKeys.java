package dev.breaker.core.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys come from what clients send (paths, model names, tenant ids), so their length is bounded: a
 * key longer than {@link #MAX_LENGTH} characters is cut and ends with {@code #} and a hash of the
 * whole value, so that two long keys that differ only at the end still get two breakers.
 */
public final class BreakerKeys {

    /** The longest key a breaker, a meter tag or the endpoint ever shows. */
    public static final int MAX_LENGTH = 256;

    private static final int HASH_CHARS = 16;

    private BreakerKeys() {
    }

    /** {@code key} itself when it is at most {@link #MAX_LENGTH} characters long, else its bounded form. */
    public static String bounded(String key) {
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        int keep = MAX_LENGTH - HASH_CHARS - 1;
        if (Character.isHighSurrogate(key.charAt(keep - 1))) {
            keep--; // never split a character in two
        }
        return key.substring(0, keep) + '#' + hash(key);
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_CHARS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
