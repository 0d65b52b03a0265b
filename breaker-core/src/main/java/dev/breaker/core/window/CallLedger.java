package dev.breaker.core.window;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The exact books of an {@link OutcomeWindow}: how many calls had been recorded when each of the last
 * ten slices began, how many of all calls failed, and which positions are marked (failed, or were
 * slow). Positions count every call the window recorded, from 0: the {@code total}-th call is at
 * position {@code total - 1}, where {@code total} is the successes (the window's striped count,
 * passed in; slow successes are in it too) plus the failures (counted here).
 *
 * <p>The window's calls are then the positions from {@code total - calls} on, where
 * {@code calls = min(size, total - mark of the oldest slice)}: the latest {@code size} of the calls
 * made in the last ten slices, as calls are recorded in order of time.
 *
 * <p>Every method but {@link #lock()} and {@link #unlock()} must be called with the lock held. The
 * lock is a spin lock: the sections it guards are a few dozen instructions, allocate nothing after
 * the first marked call and call nothing outside this package, and an uncontended acquire and release
 * cost one CAS and a plain store, where a monitor costs two CAS (about 7 ns more per failure in
 * {@code WindowBenchmark}). A waiter spins briefly, then parks for a moment at a time: the
 * holder never has to wake anyone, so releasing stays a plain store, and a waiter whose holder was
 * descheduled gives its core back instead of spinning (spinning, then yielding, cost a loaded
 * 2-core machine several times the CPU per call of a monitor). It parks after a few spins: with
 * both threads of a quiet 2-core machine failing every other call, 64 spins kept the two cores
 * pulling the window's lines back and forth (9 ops/µs, 224 ns of CPU per call), where 1, 4 or 16
 * spins let one thread run alone while the other is parked (50–60 ops/µs, 20 ns; BENCHMARKS.md).
 * Tried and dropped: parking twice as long each time (slower with two threads: a waiter slept on
 * after the release), and a monitor (3 ns more per call of the 50 % mix on one thread; with two
 * threads it showed the same occasional forks ten times slower as this lock and resilience4j's did,
 * on a shared VM).
 */
final class CallLedger {

    static final int SLICES = 10;

    private static final VarHandle LOCK;
    private static final int SPINS_BEFORE_PARKING = 4;
    private static final long PARK_NANOS = 2_000;

    static {
        try {
            LOCK = MethodHandles.lookup().findVarHandle(CallLedger.class, "lock", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int size;
    private final long sliceNanos;
    /** Whether slow calls are marked too (a second plane of positions). */
    private final boolean judgesSlowCalls;
    /** {@code marks[s % SLICES]} = the total when slice {@code s} began, for the last ten slices. */
    private final long[] marks = new long[SLICES];
    private volatile int lock;
    private long lastSlice;
    /** The mark of the oldest slice in the window, kept apart so that counting divides nothing. */
    private long oldestMark;
    private long failuresRecorded;
    /** The position of the latest marked call (a failure or a slow call), -1 before the first. */
    private long latestMarked = -1;
    /** Allocated on the first marked call and kept: leaving and re-entering "holds one" is free. */
    private MarkedPositions positions;

    CallLedger(int size, long sliceNanos, long now, boolean judgesSlowCalls) {
        this.size = size;
        this.sliceNanos = sliceNanos;
        this.judgesSlowCalls = judgesSlowCalls;
        this.lastSlice = Math.floorDiv(now, sliceNanos);
    }

    void lock() {
        if (!LOCK.compareAndSet(this, 0, 1)) {
            lockContended();
        }
    }

    void unlock() {
        LOCK.setRelease(this, 0);
    }

    private void lockContended() {
        int spins = 0;
        do {
            while (lock != 0) {
                if (++spins < SPINS_BEFORE_PARKING) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, PARK_NANOS);
                }
            }
        } while (!LOCK.compareAndSet(this, 0, 1));
    }

    /** Moves on to the slice of {@code now} if it is newer; returns whether it was. */
    boolean advanceTo(long now, long successes) {
        long slice = Math.floorDiv(now, sliceNanos);
        if (slice <= lastSlice) {
            return false;
        }
        long total = total(successes);
        for (long s = Math.max(lastSlice + 1, slice - SLICES + 1); s <= slice; s++) {
            marks[index(s)] = total;
        }
        lastSlice = slice;
        oldestMark = marks[index(slice - SLICES + 1)];
        return true;
    }

    /**
     * Records a marked call as the next call: a failure (slow or not), or a slow success. The window
     * counts a slow success among its successes right after this, so that {@code total} grows by one
     * either way.
     */
    void addMarked(long successes, boolean failed, boolean slow) {
        if (positions == null) {
            positions = new MarkedPositions(size, judgesSlowCalls);
        }
        long position = total(successes);
        positions.add(latestMarked, position, failed, slow);
        latestMarked = position;
        if (failed) {
            failuresRecorded++;
        }
    }

    /** When the current slice ends: the first time that {@link #advanceTo} moves on for. */
    long sliceEnd() {
        return (lastSlice + 1) * sliceNanos;
    }

    /** Whether {@code calls} fill the window: a plain success can then no longer raise a rate. */
    boolean isFull(int calls) {
        return calls >= size;
    }

    long total(long successes) {
        return successes + failuresRecorded;
    }

    /** The calls in the window, of {@code total} recorded. */
    int calls(long total) {
        return (int) Math.min(size, total - oldestMark);
    }

    /** The failures among the window's {@code calls}, of {@code total} recorded. */
    int failures(long total, int calls) {
        return positions == null ? 0 : positions.count(MarkedPositions.FAILED, total - calls, latestMarked);
    }

    /** The slow calls among the window's {@code calls}, of {@code total} recorded. */
    int slowCalls(long total, int calls) {
        return positions == null ? 0 : positions.count(MarkedPositions.SLOW, total - calls, latestMarked);
    }

    /** Whether the window holds a marked call, a failure or a slow call (cheaper than counting them). */
    boolean holdsMarked(long total, int calls) {
        return latestMarked >= total - calls;
    }

    /** Empties the window: the calls recorded so far are older than any slice in it. */
    void clear(long successes) {
        oldestMark = total(successes);
        Arrays.fill(marks, oldestMark);
    }

    private static int index(long slice) {
        return (int) Math.floorMod(slice, (long) SLICES);
    }
}
