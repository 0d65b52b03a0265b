package dev.breaker.core.clock;

import java.time.Duration;

/**
 * Where breakers read time. Tests pass a {@link ManualClock}; production uses {@link #system()}.
 */
public interface BreakerClock {

    /**
     * Monotonic nanoseconds, for ordering and measuring within one JVM. May be coarse: the system
     * clock advances in steps of 10 ms, or of what {@link #requireStep} asked for.
     */
    long nanoTime();

    /** Wall-clock milliseconds since the epoch, to read HTTP dates such as {@code Retry-After}. */
    long wallMillis();

    /**
     * Asks for steps of at most {@code step} (never finer than 1 ms): a breaker asks for a tenth of
     * its {@code window-duration}, the granularity at which it judges a call's age. A clock that moves
     * only when told, like {@link ManualClock}, has no steps and ignores this.
     */
    default void requireStep(Duration step) {
    }

    /**
     * The shared system clock. Reading {@link System#nanoTime()} costs about as much as a whole
     * closed-path call, so this clock serves a value that a daemon thread refreshes every 10 ms (or
     * finer, see {@link #requireStep}), and that parks after a second in which nobody read it.
     */
    static BreakerClock system() {
        return SystemBreakerClock.INSTANCE;
    }
}
