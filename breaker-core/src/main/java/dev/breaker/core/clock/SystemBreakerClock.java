package dev.breaker.core.clock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A coarse monotonic clock: one daemon thread per JVM stores {@link System#nanoTime()} into a
 * volatile field every step, so that a read on the hot path is a plain volatile load. A late tick (a
 * starved daemon) only makes time run slow for a moment; it never runs backwards.
 *
 * <p>The step is {@link #STEP} (10 ms) unless a breaker asks for finer ({@link #requireStep}), down
 * to {@link #FINEST_STEP} (1 ms). Why 10 ms: the clock's step is the error of every time it
 * serves, and its users tolerate far more. A window judges a call's age per tenth of
 * {@code window-duration} (6 s by default); the step only keeps that granularity while it is at most
 * a tenth of the window, which each breaker asks for (so a window shorter than 100 ms still gets a
 * finer step). Open periods, probe timeouts and rejections' {@code Retry-After} run for seconds and
 * are rounded to whole seconds over HTTP; least-recently-used order only needs to tell old from
 * recent. Each tick, on the other hand, is a timer wakeup that costs CPU busy or idle: 27 ms of CPU
 * per second at a 1 ms step on a 2-vCPU VM (about 2 points of a gateway's CPU under load, see
 * BENCHMARKS.md), a tenth of that at 10 ms.
 *
 * <p>The ticker parks after {@link #IDLE} without a read. The first read that finds it parked takes
 * {@link System#nanoTime()} itself and wakes it. Readers tell the ticker that they were there by
 * setting a flag at most once per tick.
 */
final class SystemBreakerClock implements BreakerClock {

    static final Duration STEP = Duration.ofMillis(10);
    static final Duration FINEST_STEP = Duration.ofMillis(1);
    static final Duration IDLE = Duration.ofSeconds(1);

    static final SystemBreakerClock INSTANCE = new SystemBreakerClock(STEP, IDLE, "breaker-clock");

    private static final VarHandle NOW;
    private static final VarHandle ASLEEP;
    private static final VarHandle STEP_NANOS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            NOW = lookup.findVarHandle(SystemBreakerClock.class, "now", long.class);
            ASLEEP = lookup.findVarHandle(SystemBreakerClock.class, "asleep", boolean.class);
            STEP_NANOS = lookup.findVarHandle(SystemBreakerClock.class, "stepNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long idleNanos;
    private final Thread ticker;
    private volatile long now = System.nanoTime();
    private volatile boolean read = true;
    private volatile boolean asleep;
    /** Only ever decreases, and never below {@link #FINEST_STEP}. */
    private volatile long stepNanos;

    SystemBreakerClock(Duration step, Duration idle, String threadName) {
        this.stepNanos = Math.max(FINEST_STEP.toNanos(), step.toNanos());
        this.idleNanos = idle.toNanos();
        this.ticker = new Thread(this::tick, threadName);
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tick() {
        long idle = 0;
        while (true) {
            long step = stepNanos;
            LockSupport.parkNanos(step);
            advanceTo(System.nanoTime());
            if (read) {
                read = false;
                idle = 0;
            } else if ((idle += step) >= idleNanos) {
                // A read that saw asleep == false before this write got a time at most a step old.
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

    /**
     * Steps at least every {@code step} from the next tick on, never finer than {@link #FINEST_STEP}.
     * The finest step asked for holds for good: breakers are not told apart once gone.
     */
    @Override
    public void requireStep(Duration step) {
        long wanted = Math.max(FINEST_STEP.toNanos(), step.toNanos());
        long current = stepNanos;
        while (wanted < current && !STEP_NANOS.compareAndSet(this, current, wanted)) {
            current = stepNanos;
        }
    }

    /** The current step (for tests). */
    Duration step() {
        return Duration.ofNanos(stepNanos);
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
