package dev.breaker.core;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long a breaker stays open: {@code open-duration × backoff-multiplier^(trips - 1)}, at least the
 * upstream's Retry-After when honoured, plus up to {@code open-jitter} of itself, and never more
 * than {@code max-open-duration}. A quota error stays open for its stated reset, else the maximum.
 */
final class OpenPeriod {

    private final long openNanos;
    private final double multiplier;
    private final long maxNanos;
    private final boolean honorRetryAfter;
    private final double jitter;
    private final DoubleSupplier random;

    OpenPeriod(BreakerConfig config, DoubleSupplier random) {
        this.openNanos = config.openDuration().toNanos();
        this.multiplier = config.backoffMultiplier();
        this.maxNanos = config.maxOpenDuration().toNanos();
        this.honorRetryAfter = config.honorRetryAfter();
        this.jitter = config.openJitter();
        this.random = random;
    }

    /**
     * @param consecutiveTrips 1 for the first trip since the breaker last closed, 2 for the next...
     * @param retryAfter the upstream's hint, or null
     * @param quota whether a quota or spend cap is exhausted
     */
    long nanos(int consecutiveTrips, Duration retryAfter, boolean quota) {
        long hint = retryAfter == null ? -1 : saturatedNanos(retryAfter);
        if (quota) {
            return hint > 0 ? Math.min(hint, maxNanos) : maxNanos;
        }
        double backedOff = openNanos * Math.pow(multiplier, Math.max(0, consecutiveTrips - 1));
        long period = backedOff >= maxNanos ? maxNanos : (long) backedOff;
        if (honorRetryAfter && hint > period) {
            period = Math.min(hint, maxNanos);
        }
        if (jitter > 0) {
            period += (long) (period * jitter * random.getAsDouble());
        }
        return Math.min(period, maxNanos);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
