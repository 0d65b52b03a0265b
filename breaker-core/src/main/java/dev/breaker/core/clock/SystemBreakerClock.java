package dev.breaker.core.clock;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A coarse monotonic clock: one daemon thread per JVM stores {@link System#nanoTime()} into a
 * volatile field every {@link #RESOLUTION}, so that a read on the hot path is a plain volatile load.
 * A late tick (a starved daemon) only makes time run slow for a moment; it never runs backwards.
 */
final class SystemBreakerClock implements BreakerClock {

    static final Duration RESOLUTION = Duration.ofMillis(1);

    static final SystemBreakerClock INSTANCE = new SystemBreakerClock();

    private volatile long now = System.nanoTime();

    private SystemBreakerClock() {
        Thread ticker = new Thread(this::tick, "breaker-clock");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tick() {
        long period = RESOLUTION.toNanos();
        while (true) {
            LockSupport.parkNanos(period);
            now = System.nanoTime();
        }
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long wallMillis() {
        return System.currentTimeMillis();
    }
}
