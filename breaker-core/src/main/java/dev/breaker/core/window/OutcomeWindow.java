package dev.breaker.core.window;

import java.util.concurrent.atomic.LongAdder;

/**
 * The sliding window of a closed breaker: the last {@code size} calls that happened within
 * {@code duration}, judged at a granularity of a tenth of {@code duration}.
 *
 * <p>Not thread-safe by accident: every method may be called from any thread.
 *
 * <h2>Implementation notes</h2>
 * The window has two modes. While it holds no failure, every call in it is a success, so a
 * success count per time slice (a tenth of the duration) records it exactly; a success then costs
 * one {@link LongAdder} increment and two volatile reads, with no lock and no allocation. The first
 * failure switches to the exact mode: under the window's lock, the successes still in the window
 * are replayed, newest first and at most {@code size - 1} of them, into a ring of outcomes, and from
 * then on every outcome goes into the ring. When the last failure has left the ring (pushed out by
 * newer calls or aged out), the ring is dropped and successes are counted per slice again.
 *
 * <p>A slice is identified by {@code floor(nanoTime / sliceNanos)}. A call made in slice {@code s}
 * is in the window at slice {@code c} while {@code c - s < 10}: a call younger than nine tenths of
 * the duration always counts, a call older than the duration never does.
 *
 * <p>Accepted race: a success that reads "no failure yet" just before another thread's first
 * failure switches modes can be missing from the ring, so the rate is judged over one fewer call.
 * The success is still counted in {@link #totalSuccesses()}, which is exact.
 */
public final class OutcomeWindow {

    static final int SLICES = 10;

    private final int size;
    private final long sliceNanos;

    /** Every success ever recorded; the per-slice counts are differences of its marks. */
    private final LongAdder successes = new LongAdder();

    /** {@code marks[s % SLICES]} = the value of {@link #successes} when slice {@code s} began. */
    private final long[] marks = new long[SLICES];
    private long lastSlice;
    private volatile long sliceEnd;

    private volatile boolean exact;
    private long[] ringSlices;
    private boolean[] ringFailed;
    private int oldest;
    private int count;
    private int failures;

    public OutcomeWindow(int size, long durationNanos, long now) {
        if (size < 1 || durationNanos < SLICES) {
            throw new IllegalArgumentException("window needs size >= 1 and a duration of at least 10 ns");
        }
        this.size = size;
        this.sliceNanos = durationNanos / SLICES;
        this.lastSlice = Math.floorDiv(now, sliceNanos);
        this.sliceEnd = (lastSlice + 1) * sliceNanos;
    }

    /**
     * Records a success. Returns the window's counts when it holds a failure (so that a rule may be
     * judged), or null when it holds none: then no rule can hold.
     */
    public WindowCounts recordSuccess(long now) {
        if (now >= sliceEnd) {
            rotate(now);
        }
        successes.increment();
        return exact ? recordExact(now, false) : null;
    }

    /** Records a failure and returns the counts that include it. */
    public WindowCounts recordFailure(long now) {
        return recordExact(now, true);
    }

    /** The counts at {@code now}, after ageing out what is too old. */
    public synchronized WindowCounts counts(long now) {
        rotate(now);
        if (exact) {
            expire(lastSlice);
            WindowCounts counts = new WindowCounts(count, failures);
            leaveExactModeIfClean();
            return counts;
        }
        long inWindow = successesInWindow();
        return new WindowCounts((int) Math.min(size, inWindow), 0);
    }

    /** Empties the window; {@link #totalSuccesses()} keeps counting. */
    public synchronized void reset(long now) {
        rotate(now);
        long sum = successes.sum();
        java.util.Arrays.fill(marks, sum);
        dropRing();
    }

    /** Every success recorded since the window was made, exact. */
    public long totalSuccesses() {
        return successes.sum();
    }

    private synchronized WindowCounts recordExact(long now, boolean failed) {
        rotate(now);
        if (!exact) {
            if (!failed) {
                return null;
            }
            enterExactMode();
        }
        expire(lastSlice);
        push(lastSlice, failed);
        WindowCounts counts = new WindowCounts(count, failures);
        leaveExactModeIfClean();
        return counts;
    }

    private void enterExactMode() {
        if (ringSlices == null) {
            ringSlices = new long[size];
            ringFailed = new boolean[size];
        }
        // Replay the successes still in the window (oldest first), keeping room for the failure.
        long budget = size - 1;
        long[] perSlice = new long[SLICES];
        for (int age = 0; age < SLICES && budget > 0; age++) {
            long slice = lastSlice - age;
            long inSlice = Math.min(budget, successesIn(slice));
            perSlice[age] = inSlice;
            budget -= inSlice;
        }
        for (int age = SLICES - 1; age >= 0; age--) {
            for (long i = 0; i < perSlice[age]; i++) {
                push(lastSlice - age, false);
            }
        }
        exact = true;
    }

    private void push(long slice, boolean failed) {
        if (count == size) {
            evictOldest();
        }
        int index = (oldest + count) % size;
        ringSlices[index] = slice;
        ringFailed[index] = failed;
        count++;
        if (failed) {
            failures++;
        }
    }

    private void expire(long currentSlice) {
        while (count > 0 && currentSlice - ringSlices[oldest] >= SLICES) {
            evictOldest();
        }
    }

    private void evictOldest() {
        if (ringFailed[oldest]) {
            failures--;
        }
        oldest = (oldest + 1) % size;
        count--;
    }

    private void leaveExactModeIfClean() {
        if (exact && failures == 0) {
            dropRing();
        }
    }

    private void dropRing() {
        exact = false;
        ringSlices = null;
        ringFailed = null;
        oldest = 0;
        count = 0;
        failures = 0;
    }

    private synchronized void rotate(long now) {
        if (now < sliceEnd) {
            return;
        }
        long slice = Math.floorDiv(now, sliceNanos);
        long sum = successes.sum();
        for (long s = Math.max(lastSlice + 1, slice - SLICES + 1); s <= slice; s++) {
            marks[index(s)] = sum;
        }
        lastSlice = slice;
        sliceEnd = (slice + 1) * sliceNanos;
    }

    private long successesInWindow() {
        long total = 0;
        for (int age = 0; age < SLICES; age++) {
            total += successesIn(lastSlice - age);
        }
        return total;
    }

    private long successesIn(long slice) {
        long end = slice == lastSlice ? successes.sum() : marks[index(slice + 1)];
        return Math.max(0, end - marks[index(slice)]);
    }

    private static int index(long slice) {
        return (int) Math.floorMod(slice, (long) SLICES);
    }
}
