package dev.breaker.core.window;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static dev.breaker.core.window.PackedCounts.toCounts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads record successes and failures into one window at the same time, while slice
 * boundaries pass: no call may be lost or counted twice, and every count a thread is handed must be
 * a valid window. The time is passed in, so each thread knows the time of each of its calls.
 */
class OutcomeWindowConcurrencyTest {

    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 20_000;
    private static final long SLICE = 1_000_000; // a window of 10 ms
    private static final long DURATION = 10 * SLICE;

    /**
     * The window is larger than all calls together and time moves eight slices: every call stays in
     * it, so its counts must equal the threads' own totals, exactly.
     */
    @Test
    void countsEveryCallExactlyOnceWhileSlicesTurn() throws Exception {
        OutcomeWindow window = new OutcomeWindow(THREADS * CALLS_PER_THREAD, DURATION, 0);
        AtomicLong time = new AtomicLong();
        long[][] perSlice = new long[THREADS][10]; // calls each thread made, by the slice of its time
        long[] successes = new long[THREADS];
        long[] failures = new long[THREADS];

        runConcurrently(thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                if (thread == 0 && i % (CALLS_PER_THREAD / 8) == 0 && i > 0) {
                    time.addAndGet(SLICE); // a boundary passes while the others record
                }
                long now = time.get();
                WindowCounts counts;
                if (random.nextInt(10) < 3) {
                    counts = toCounts(window.recordFailure(now, false));
                    failures[thread]++;
                    assertThat(counts).isNotNull();
                } else {
                    counts = toCounts(window.recordSuccess(now));
                    successes[thread]++;
                }
                perSlice[thread][(int) (now / SLICE)]++;
                if (i % 1_000 == 0) {
                    counts = window.counts(now);
                }
                if (counts != null) { // a WindowCounts checks 0 <= failures <= calls itself
                    assertThat(counts.calls()).isBetween(1, THREADS * CALLS_PER_THREAD);
                }
            }
        });

        long now = time.get();
        assertThat(now).isEqualTo(7 * SLICE);
        long allSuccesses = sum(successes);
        long allFailures = sum(failures);
        assertThat(window.totalSuccesses()).isEqualTo(allSuccesses);
        assertThat(window.counts(now)).isEqualTo(new WindowCounts((int) (allSuccesses + allFailures), (int) allFailures));

        // Age the slices out one by one: a call may count in a later slice than its time's (it raced
        // a boundary), never in an earlier one, so the window holds at least the calls of its slices.
        for (int oldest = 1; oldest <= 8; oldest++) {
            long calls = 0;
            for (long[] slices : perSlice) {
                for (int slice = oldest; slice < 10; slice++) {
                    calls += slices[slice];
                }
            }
            assertThat((long) window.counts((oldest + 9) * SLICE).calls()).as("oldest slice %d", oldest)
                    .isGreaterThanOrEqualTo(calls);
        }
        assertThat(window.counts(17 * SLICE)).isEqualTo(WindowCounts.EMPTY);
    }

    /**
     * Plain and slow successes and failures at once, while slices turn: a slow success takes the
     * lock and is counted among the successes there, a plain one is only counted. The window holds
     * every call, so its counts must equal the threads' own, exactly: calls, failures and slow calls.
     */
    @Test
    void countsEverySlowCallExactlyOnceWhileSlicesTurn() throws Exception {
        OutcomeWindow window = new OutcomeWindow(THREADS * CALLS_PER_THREAD, DURATION, 0, true);
        AtomicLong time = new AtomicLong();
        long[] successes = new long[THREADS];
        long[] failures = new long[THREADS];
        long[] slowCalls = new long[THREADS];

        runConcurrently(thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                if (thread == 0 && i % (CALLS_PER_THREAD / 8) == 0 && i > 0) {
                    time.addAndGet(SLICE);
                }
                long now = time.get();
                boolean slow = random.nextInt(4) == 0;
                WindowCounts counts;
                if (random.nextInt(10) < 3) {
                    counts = toCounts(window.recordFailure(now, slow));
                    failures[thread]++;
                } else {
                    counts = toCounts(slow ? window.recordSlowSuccess(now) : window.recordSuccess(now));
                    successes[thread]++;
                }
                slowCalls[thread] += slow ? 1 : 0;
                if (slow) {
                    assertThat(counts).as("a slow call is always judged").isNotNull();
                    assertThat(counts.slowCalls()).isBetween(1, counts.calls());
                }
            }
        });

        long allSuccesses = sum(successes);
        long allFailures = sum(failures);
        assertThat(window.totalSuccesses()).isEqualTo(allSuccesses);
        assertThat(window.counts(time.get())).isEqualTo(new WindowCounts((int) (allSuccesses + allFailures),
                (int) allFailures, (int) sum(slowCalls)));
    }

    /** After a storm of concurrent calls, the latest calls made one at a time are counted exactly. */
    @Test
    void countsTheLatestCallsExactlyAfterAConcurrentStorm() throws Exception {
        int size = 64;
        OutcomeWindow window = new OutcomeWindow(size, DURATION, 0);
        AtomicLong time = new AtomicLong();

        runConcurrently(thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                if (thread == 0 && i % 2_000 == 0) {
                    time.addAndGet(SLICE / 2);
                }
                long now = time.get();
                WindowCounts counts = toCounts(random.nextBoolean() ? window.recordFailure(now, false)
                        : window.recordSuccess(now));
                if (counts != null) {
                    assertThat(counts.calls()).isBetween(1, size);
                }
            }
        });

        long now = time.get();
        for (int i = 0; i < 20; i++) {
            window.recordFailure(now, false);
        }
        for (int i = 0; i < size - 20; i++) {
            window.recordSuccess(now);
        }
        assertThat(window.counts(now)).isEqualTo(new WindowCounts(size, 20));
        for (int i = 0; i < size; i++) {
            window.recordSuccess(now);
        }
        assertThat(window.counts(now)).isEqualTo(new WindowCounts(size, 0));
        assertThat(window.counts(now + DURATION)).isEqualTo(WindowCounts.EMPTY);
    }

    private interface Body {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(Body body) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    body.run(thread);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads.add(worker);
            worker.start();
        }
        for (Thread worker : threads) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a recording thread failed", failure.get());
        }
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
