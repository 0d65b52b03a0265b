package dev.breaker.core.clock;

/**
 * Where breakers read time. Tests pass a {@link ManualClock}; production uses {@link #system()}.
 */
public interface BreakerClock {

    /**
     * Monotonic nanoseconds, for ordering and measuring within one JVM. May be coarse: the system
     * clock advances in steps of {@link SystemBreakerClock#RESOLUTION}.
     */
    long nanoTime();

    /** Wall-clock milliseconds since the epoch, to read HTTP dates such as {@code Retry-After}. */
    long wallMillis();

    /**
     * The shared system clock. Reading {@link System#nanoTime()} costs about as much as a whole
     * closed-path call, so this clock serves a value that a daemon thread refreshes every millisecond.
     */
    static BreakerClock system() {
        return SystemBreakerClock.INSTANCE;
    }
}
