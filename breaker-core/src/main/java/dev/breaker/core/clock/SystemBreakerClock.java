package dev.breaker.core.clock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A coarse monotonic clock: one daemon thread per JVM stores {@link System#nanoTime()} into a
 * volatile field every {@link #RESOLUTION}, so that a read on the hot path is a plain volatile load.
 * A late tick (a starved daemon) only makes time run slow for a moment; it never runs backwards.
 *
 * <p>Ticking costs CPU whether or not anyone reads the time (27 ms per second on a 2-vCPU VM, see
 * BENCHMARKS.md), so the ticker parks after {@code idleTicks} ticks without a read. The first read
 * that finds it parked takes {@link System#nanoTime()} itself and wakes it. Readers tell the ticker
 * that they were there by setting a flag at most once per tick.
 */
final class SystemBreakerClock implements BreakerClock {

    static final Duration RESOLUTION = Duration.ofMillis(1);
    static final int IDLE_TICKS = 1000;

    static final SystemBreakerClock INSTANCE = new SystemBreakerClock(IDLE_TICKS, "breaker-clock");

    private static final VarHandle NOW;
    private static final VarHandle ASLEEP;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            NOW = lookup.findVarHandle(SystemBreakerClock.class, "now", long.class);
            ASLEEP = lookup.findVarHandle(SystemBreakerClock.class, "asleep", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int idleTicks;
    private final Thread ticker;
    private volatile long now = System.nanoTime();
    private volatile boolean read = true;
    private volatile boolean asleep;

    SystemBreakerClock(int idleTicks, String threadName) {
        this.idleTicks = idleTicks;
        this.ticker = new Thread(this::tick, threadName);
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tick() {
        long period = RESOLUTION.toNanos();
        int idle = 0;
        while (true) {
            LockSupport.parkNanos(period);
            advanceTo(System.nanoTime());
            if (read) {
                read = false;
                idle = 0;
            } else if (++idle >= idleTicks) {
                // A read that saw asleep == false before this write got a time at most a tick old.
                asleep = true;
                while (asleep) {
                    LockSupport.park(this);
                }
                idle = 0;
            }
        }
    }

    @Override
    public long nanoTime() {
        if (asleep) {
            return wake();
        }
        if (!read) {
            read = true;
        }
        return now;
    }

    private long wake() {
        long fresh = advanceTo(System.nanoTime());
        if (ASLEEP.compareAndSet(this, true, false)) {
            read = true;
            LockSupport.unpark(ticker);
        }
        return fresh;
    }

    /** Moves the time forward to {@code nanos} unless a concurrent writer already went further. */
    private long advanceTo(long nanos) {
        long current = now;
        while (current < nanos) {
            if (NOW.compareAndSet(this, current, nanos)) {
                return nanos;
            }
            current = now;
        }
        return current;
    }

    /** Whether the ticker is parked, waiting for a read (for tests). */
    boolean isAsleep() {
        return asleep;
    }

    @Override
    public long wallMillis() {
        return System.currentTimeMillis();
    }
}
