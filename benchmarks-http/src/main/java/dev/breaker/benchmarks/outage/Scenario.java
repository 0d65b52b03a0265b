package dev.breaker.benchmarks.outage;

import java.time.Duration;

/**
 * The outage every contender lives through, on a time line that starts when a run starts: the
 * upstream serves normally, then rate-limits (429 with {@code Retry-After}), then is overloaded
 * (529), then stops answering (the callers time out), then heals.
 *
 * @param callsPerSecond the callers' steady arrival rate, summed over all replicas (open loop: a
 *        call is started on schedule whatever happened to the earlier ones)
 * @param phaseLength how long the healthy lead-in and the 429 and 529 phases last
 * @param timeoutsLength how long the time-out phase lasts (moving the heal moves it within the
 *        breakers' probe cycles)
 * @param healedTail how long the run goes on after the upstream heals
 * @param retryAfterSeconds the {@code Retry-After} sent with every 429
 * @param okLatency how long the upstream takes to answer 200
 * @param errorLatency how long it takes to answer 429 or 529
 * @param hang how long it holds a request in the time-out phase (longer than the callers wait)
 * @param clientTimeout how long a caller waits for a response
 */
record Scenario(int callsPerSecond, Duration phaseLength, Duration timeoutsLength, Duration healedTail, int retryAfterSeconds,
                Duration okLatency, Duration errorLatency, Duration hang, Duration clientTimeout) {

    static final Duration BUCKET = Duration.ofMillis(100);

    /** The outage of BENCHMARKS.md, its time-out phase {@code healLater} longer than 10 s. */
    static Scenario standard(Duration healLater) {
        return new Scenario(200, Duration.ofSeconds(10), Duration.ofSeconds(10).plus(healLater), Duration.ofSeconds(20), 8,
                Duration.ofMillis(20), Duration.ofMillis(5), Duration.ofSeconds(3), Duration.ofSeconds(1));
    }

    /**
     * The same outage for the heal sweep: 10 s after the heal is enough to see every breaker close
     * (at most open-duration + one probe time-out), and keeps each of the sweep's runs short.
     */
    static Scenario sweep(Duration healLater) {
        Scenario standard = standard(healLater);
        return new Scenario(standard.callsPerSecond, standard.phaseLength, standard.timeoutsLength, Duration.ofSeconds(10),
                standard.retryAfterSeconds, standard.okLatency, standard.errorLatency, standard.hang, standard.clientTimeout);
    }

    enum Phase {
        HEALTHY("healthy"), RATE_LIMITED("429 + Retry-After"), OVERLOADED("529"), TIMEOUTS("time-outs"), HEALED("healed");

        final String label;

        Phase(String label) {
            this.label = label;
        }

        boolean failing() {
            return this == RATE_LIMITED || this == OVERLOADED || this == TIMEOUTS;
        }
    }

    Phase phaseAt(long nanosSinceStart) {
        for (Phase phase : Phase.values()) {
            if (nanosSinceStart < end(phase)) {
                return phase;
            }
        }
        return Phase.HEALED;
    }

    /** When {@code phase} starts, in nanoseconds since the start of the run. */
    long start(Phase phase) {
        return phase == Phase.HEALED ? end(Phase.TIMEOUTS) : Math.min(phase.ordinal(), 3) * phaseLength.toNanos();
    }

    /** When {@code phase} ends. */
    long end(Phase phase) {
        return switch (phase) {
            case TIMEOUTS -> start(Phase.TIMEOUTS) + timeoutsLength.toNanos();
            case HEALED -> start(Phase.HEALED) + healedTail.toNanos();
            default -> start(phase) + phaseLength.toNanos();
        };
    }

    long outageStart() {
        return start(Phase.RATE_LIMITED);
    }

    long healedAt() {
        return start(Phase.HEALED);
    }

    long end() {
        return end(Phase.HEALED);
    }

    long callInterval() {
        return 1_000_000_000L / callsPerSecond;
    }

    int buckets() {
        return (int) (end() / BUCKET.toNanos());
    }

    static int bucketOf(long nanosSinceStart) {
        return (int) (nanosSinceStart / BUCKET.toNanos());
    }
}
