package dev.breaker.core;

import java.time.Duration;

/**
 * Thrown, before the upstream is touched, when a breaker refuses a call.
 * It carries no stack trace: during an outage it is thrown at the call rate, and the
 * provider, key and retry hint say everything a caller needs.
 */
public class BreakerOpenException extends RuntimeException {

    private final String provider;
    private final String key;
    private final Duration retryAfter;

    public BreakerOpenException(String provider, String key, Duration retryAfter) {
        super(message(provider, key, retryAfter), null, false, false);
        this.provider = provider;
        this.key = key;
        this.retryAfter = retryAfter;
    }

    public String provider() {
        return provider;
    }

    public String key() {
        return key;
    }

    /** How long the caller should wait before trying again; never negative. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up and at least 1, as HTTP's {@code Retry-After} wants. */
    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    public static long retryAfterSeconds(Duration retryAfter) {
        long millis = Math.max(0, retryAfter.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    static String message(String provider, String key, Duration retryAfter) {
        return "Circuit breaker for provider '" + provider + "' (key '" + key + "') is open; retry after "
                + retryAfterSeconds(retryAfter) + "s";
    }
}
