package dev.breaker.core.window;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

class StripedCounterTest {

    private static final int THREADS = 8;
    private static final int INCREMENTS = 200_000;

    @Test
    void countsEveryIncrementOfManyThreads() throws Exception {
        StripedCounter counter = new StripedCounter();
        runConcurrently(counter);
        assertThat(counter.sum()).isEqualTo((long) THREADS * INCREMENTS);
    }

    @Test
    void countsEveryIncrementOnceStriped() throws Exception {
        StripedCounter counter = new StripedCounter();
        counter.increment();
        counter.inflate(); // as the first collision does
        assertThat(counter.isStriped()).isTrue();

        runConcurrently(counter);

        assertThat(counter.sum()).isEqualTo(1 + (long) THREADS * INCREMENTS);
    }

    @Test
    void sizesItsStripesToTheProcessors() {
        assertThat(StripedCounter.stripeCount(1)).isEqualTo(2);
        assertThat(StripedCounter.stripeCount(2)).isEqualTo(2);
        assertThat(StripedCounter.stripeCount(3)).isEqualTo(4);
        assertThat(StripedCounter.stripeCount(8)).isEqualTo(8);
        assertThat(StripedCounter.stripeCount(12)).isEqualTo(16);
    }

    @Test
    void spreadsConsecutiveThreadIdsOverTheStripes() {
        int stripes = StripedCounter.stripeCount(Runtime.getRuntime().availableProcessors());
        long[] used = new long[stripes];
        for (long id = 1; id <= 64L * stripes; id++) {
            used[StripedCounter.stripeOf(id, 0)]++;
        }
        for (long perStripe : used) {
            assertThat(perStripe).isBetween(32L, 96L); // 64 each when perfectly even
        }
    }

    private static void runConcurrently(StripedCounter counter) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < INCREMENTS; i++) {
                        counter.increment();
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }
}
