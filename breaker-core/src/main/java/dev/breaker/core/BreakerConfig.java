package dev.breaker.core;

import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one provider's breakers behave. Every default is the documented one (see the table in
 * docs/configuration.md); {@link #defaults()} returns them all, {@link #builder()} changes some.
 *
 * @param failureStatuses HTTP statuses that count as failures
 * @param countTimeouts whether timeouts and connection failures count as failures
 * @param failureThreshold the count rule: failures in the window that trip, or 0 when the rule is off
 * @param failureRateThreshold the rate rule: failures / calls that trip, 0 &lt; r &le; 1
 * @param minimumCalls calls the window must hold before the rate rule applies
 * @param windowSize the window holds at most this many of the latest calls (1 to {@value #MAX_WINDOW_SIZE})
 * @param windowDuration ... and only those within this duration (judged at a tenth of it)
 * @param openDuration the first open period
 * @param backoffMultiplier multiplies the open period for each consecutive trip without recovery
 * @param maxOpenDuration caps every open period, Retry-After and quota resets included
 * @param halfOpenMaxCalls probe calls admitted at the same time while half-open
 * @param halfOpenSuccessesToClose successful probes that close the breaker
 * @param honorRetryAfter whether a failure's Retry-After lengthens the open period
 * @param quotaErrors whether a quota or spend-cap error opens the breaker at once
 * @param openJitter adds a random fraction, up to this, of the open period
 * @param maxBreakers keys per provider before the least recently used closed breakers are dropped
 * @param probeTimeout a probe that has not reported back within this gives its slot back
 * @param slowCallDuration a finished call that took at least this long to answer is slow; null: slow
 *     calls are not judged
 * @param slowCallRateThreshold the slow rule: slow calls / calls that trip, 0 &lt; r &le; 1 (with
 *     {@code slowCallDuration} and at least {@code minimumCalls} calls)
 */
public record BreakerConfig(
        Set<Integer> failureStatuses,
        boolean countTimeouts,
        int failureThreshold,
        double failureRateThreshold,
        int minimumCalls,
        int windowSize,
        Duration windowDuration,
        Duration openDuration,
        double backoffMultiplier,
        Duration maxOpenDuration,
        int halfOpenMaxCalls,
        int halfOpenSuccessesToClose,
        boolean honorRetryAfter,
        boolean quotaErrors,
        double openJitter,
        int maxBreakers,
        Duration probeTimeout,
        Duration slowCallDuration,
        double slowCallRateThreshold) {

    public static final Set<Integer> DEFAULT_FAILURE_STATUSES = Set.of(429, 503, 504, 529);
    /** The largest {@code window-size}: the window hands out its counts packed, 21 bits each. */
    public static final int MAX_WINDOW_SIZE = 1_000_000;

    /** Validates every value; an invalid one throws {@link InvalidBreakerConfigException} naming it. */
    public BreakerConfig {
        require(failureStatuses != null && !failureStatuses.isEmpty(), "failure-statuses", failureStatuses,
                "list at least one HTTP status, for example 429,503,504,529");
        for (Integer status : failureStatuses) {
            require(status != null && status >= 100 && status <= 599, "failure-statuses", failureStatuses,
                    "every status must be between 100 and 599");
        }
        failureStatuses = Collections.unmodifiableSet(new TreeSet<>(failureStatuses));
        require(failureThreshold >= 0, "failure-threshold", failureThreshold,
                "use a positive number of failures, or leave it unset to rely on the rate rule");
        require(failureRateThreshold > 0 && failureRateThreshold <= 1, "failure-rate-threshold", failureRateThreshold,
                "use a fraction in (0, 1], for example 0.5 for 50 %");
        require(minimumCalls >= 1, "minimum-calls", minimumCalls, "use at least 1");
        require(windowSize >= 1, "window-size", windowSize, "use at least 1 call");
        require(windowSize <= MAX_WINDOW_SIZE, "window-size", windowSize, "use at most " + MAX_WINDOW_SIZE
                + " calls: a breaker keeps a bit or two per call of its window (window-duration bounds it too)");
        require(minimumCalls <= windowSize, "minimum-calls", minimumCalls,
                "must not exceed window-size (" + windowSize + "), or the rate rule could never apply");
        require(failureThreshold <= windowSize, "failure-threshold", failureThreshold,
                "must not exceed window-size (" + windowSize + "), or the count rule could never apply");
        requirePositive(windowDuration, "window-duration");
        require(windowDuration.toMillis() >= 10, "window-duration", windowDuration,
                "use at least 10ms: calls are aged per tenth of the window on a clock with millisecond steps");
        requirePositive(openDuration, "open-duration");
        require(backoffMultiplier >= 1 && Double.isFinite(backoffMultiplier), "backoff-multiplier", backoffMultiplier,
                "use 1.0 (no backoff) or more, for example 2.0 to double the open period per consecutive trip");
        requirePositive(maxOpenDuration, "max-open-duration");
        require(maxOpenDuration.compareTo(openDuration) >= 0, "max-open-duration", maxOpenDuration,
                "must be at least open-duration (" + openDuration + ")");
        require(halfOpenMaxCalls >= 1, "half-open-max-calls", halfOpenMaxCalls, "use at least 1 probe call");
        require(halfOpenSuccessesToClose >= 1, "half-open-successes-to-close", halfOpenSuccessesToClose,
                "use at least 1 successful probe");
        require(openJitter >= 0 && openJitter <= 1, "open-jitter", openJitter,
                "use a fraction in [0, 1], for example 0.2 to add up to 20 % of the open period");
        require(maxBreakers >= 1, "max-breakers", maxBreakers, "use at least 1");
        requirePositive(probeTimeout, "probe-timeout");
        if (slowCallDuration != null) {
            requirePositive(slowCallDuration, "slow-call-duration");
        }
        require(slowCallRateThreshold > 0 && slowCallRateThreshold <= 1, "slow-call-rate-threshold",
                slowCallRateThreshold, "use a fraction in (0, 1], for example 0.5 for 50 %");
    }

    public static BreakerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether the count rule is configured. */
    public boolean hasFailureThreshold() {
        return failureThreshold > 0;
    }

    /** Whether slow calls are judged ({@code slow-call-duration} is set). */
    public boolean judgesSlowCalls() {
        return slowCallDuration != null;
    }

    private static void requirePositive(Duration value, String property) {
        require(value != null && !value.isNegative() && !value.isZero(), property, value,
                "use a positive duration such as 30s or 500ms");
    }

    private static void require(boolean valid, String property, Object value, String fix) {
        if (!valid) {
            throw new InvalidBreakerConfigException(property, value, fix);
        }
    }

    /** Builds a {@link BreakerConfig}; unset values keep their defaults. */
    public static final class Builder {

        private Set<Integer> failureStatuses = DEFAULT_FAILURE_STATUSES;
        private boolean countTimeouts = true;
        private int failureThreshold = 0;
        private double failureRateThreshold = 0.5;
        private int minimumCalls = 10;
        private int windowSize = 100;
        private Duration windowDuration = Duration.ofSeconds(60);
        private Duration openDuration = Duration.ofSeconds(30);
        private double backoffMultiplier = 1.0;
        private Duration maxOpenDuration = Duration.ofMinutes(5);
        private int halfOpenMaxCalls = 3;
        private Integer halfOpenSuccessesToClose;
        private boolean honorRetryAfter = true;
        private boolean quotaErrors = true;
        private double openJitter = 0;
        private int maxBreakers = 10_000;
        private Duration probeTimeout = Duration.ofSeconds(60);
        private Duration slowCallDuration;
        private double slowCallRateThreshold = 0.5;

        private Builder() {
        }

        private Builder(BreakerConfig c) {
            failureStatuses = c.failureStatuses;
            countTimeouts = c.countTimeouts;
            failureThreshold = c.failureThreshold;
            failureRateThreshold = c.failureRateThreshold;
            minimumCalls = c.minimumCalls;
            windowSize = c.windowSize;
            windowDuration = c.windowDuration;
            openDuration = c.openDuration;
            backoffMultiplier = c.backoffMultiplier;
            maxOpenDuration = c.maxOpenDuration;
            halfOpenMaxCalls = c.halfOpenMaxCalls;
            halfOpenSuccessesToClose = c.halfOpenSuccessesToClose;
            honorRetryAfter = c.honorRetryAfter;
            quotaErrors = c.quotaErrors;
            openJitter = c.openJitter;
            maxBreakers = c.maxBreakers;
            probeTimeout = c.probeTimeout;
            slowCallDuration = c.slowCallDuration;
            slowCallRateThreshold = c.slowCallRateThreshold;
        }

        public Builder failureStatuses(Set<Integer> statuses) {
            this.failureStatuses = statuses;
            return this;
        }

        public Builder failureStatuses(Integer... statuses) {
            return failureStatuses(Set.of(statuses));
        }

        public Builder countTimeouts(boolean countTimeouts) {
            this.countTimeouts = countTimeouts;
            return this;
        }

        /** The count rule; 0 switches it off. */
        public Builder failureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
            return this;
        }

        public Builder failureRateThreshold(double failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
            return this;
        }

        public Builder minimumCalls(int minimumCalls) {
            this.minimumCalls = minimumCalls;
            return this;
        }

        public Builder windowSize(int windowSize) {
            this.windowSize = windowSize;
            return this;
        }

        public Builder windowDuration(Duration windowDuration) {
            this.windowDuration = windowDuration;
            return this;
        }

        public Builder openDuration(Duration openDuration) {
            this.openDuration = openDuration;
            return this;
        }

        public Builder backoffMultiplier(double backoffMultiplier) {
            this.backoffMultiplier = backoffMultiplier;
            return this;
        }

        public Builder maxOpenDuration(Duration maxOpenDuration) {
            this.maxOpenDuration = maxOpenDuration;
            return this;
        }

        public Builder halfOpenMaxCalls(int halfOpenMaxCalls) {
            this.halfOpenMaxCalls = halfOpenMaxCalls;
            return this;
        }

        /** Defaults to {@code half-open-max-calls}. */
        public Builder halfOpenSuccessesToClose(Integer halfOpenSuccessesToClose) {
            this.halfOpenSuccessesToClose = halfOpenSuccessesToClose;
            return this;
        }

        public Builder honorRetryAfter(boolean honorRetryAfter) {
            this.honorRetryAfter = honorRetryAfter;
            return this;
        }

        public Builder quotaErrors(boolean quotaErrors) {
            this.quotaErrors = quotaErrors;
            return this;
        }

        public Builder openJitter(double openJitter) {
            this.openJitter = openJitter;
            return this;
        }

        public Builder maxBreakers(int maxBreakers) {
            this.maxBreakers = maxBreakers;
            return this;
        }

        public Builder probeTimeout(Duration probeTimeout) {
            this.probeTimeout = probeTimeout;
            return this;
        }

        /** A finished call that took at least this long to answer is slow; null (the default) judges no slow calls. */
        public Builder slowCallDuration(Duration slowCallDuration) {
            this.slowCallDuration = slowCallDuration;
            return this;
        }

        public Builder slowCallRateThreshold(double slowCallRateThreshold) {
            this.slowCallRateThreshold = slowCallRateThreshold;
            return this;
        }

        public BreakerConfig build() {
            return new BreakerConfig(failureStatuses, countTimeouts, failureThreshold, failureRateThreshold,
                    minimumCalls, windowSize, windowDuration, openDuration, backoffMultiplier, maxOpenDuration,
                    halfOpenMaxCalls, halfOpenSuccessesToClose != null ? halfOpenSuccessesToClose : halfOpenMaxCalls,
                    honorRetryAfter, quotaErrors, openJitter, maxBreakers, probeTimeout, slowCallDuration,
                    slowCallRateThreshold);
        }
    }
}
