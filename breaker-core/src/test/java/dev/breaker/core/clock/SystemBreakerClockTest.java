package dev.breaker.core.clock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SystemBreakerClockTest {

    /** Test clocks tick every millisecond and fall asleep after 20 ms, to keep the tests short. */
    private static final Duration STEP = Duration.ofMillis(1);

    @Test
    void theTickerParksWhenNobodyReadsTheTime() {
        SystemBreakerClock clock = new SystemBreakerClock(STEP, Duration.ofMillis(20), "test-clock-idle");

        await().atMost(Duration.ofSeconds(10)).until(clock::isAsleep);
    }

    @Test
    void aReadOfAParkedClockIsFreshAndWakesTheTicker() {
        SystemBreakerClock clock = new SystemBreakerClock(STEP, Duration.ofMillis(20), "test-clock-wake");
        await().atMost(Duration.ofSeconds(10)).until(clock::isAsleep);

        long before = System.nanoTime();
        long read = clock.nanoTime();

        assertThat(read).as("the parked clock's stored time is old; a read must not return it").isGreaterThanOrEqualTo(before);
        assertThat(clock.isAsleep()).isFalse();
        long woken = clock.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> clock.nanoTime() > woken); // ticking again
    }

    @Test
    void theTickerKeepsTickingWhileTheTimeIsRead() {
        SystemBreakerClock clock = new SystemBreakerClock(STEP, Duration.ofMillis(20), "test-clock-busy");
        long start = System.nanoTime();

        // Read for ten times the idle span: the ticker must never fall asleep meanwhile.
        while (System.nanoTime() - start < Duration.ofMillis(200).toNanos()) {
            clock.nanoTime();
            assertThat(clock.isAsleep()).isFalse();
            LockSupport.parkNanos(100_000);
        }
    }

    @Test
    void timeNeverRunsBackwardsForAReaderWhileTheTickerSleepsAndWakes() throws InterruptedException {
        SystemBreakerClock clock = new SystemBreakerClock(STEP, Duration.ofMillis(2), "test-clock-stress");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread reader = new Thread(() -> {
                awaitQuietly(start);
                long last = Long.MIN_VALUE;
                long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
                while (System.nanoTime() < until && failure.get() == null) {
                    long now = clock.nanoTime();
                    if (now < last) {
                        failure.set("time went back by " + (last - now) + " ns");
                    }
                    last = now;
                    if (ThreadLocalRandom.current().nextInt(1000) == 0) {
                        LockSupport.parkNanos(5_000_000); // long enough for the ticker to fall asleep
                    }
                }
            });
            readers.add(reader);
            reader.start();
        }
        start.countDown();
        for (Thread reader : readers) {
            reader.join();
        }

        assertThat(failure.get()).isNull();
    }

    @Test
    void stepsEveryTenMillisecondsUnlessAskedForFinerDownToOne() {
        SystemBreakerClock clock = new SystemBreakerClock(SystemBreakerClock.STEP, SystemBreakerClock.IDLE, "test-clock-step");
        assertThat(clock.step()).isEqualTo(Duration.ofMillis(10));

        clock.requireStep(Duration.ofMillis(3));
        assertThat(clock.step()).isEqualTo(Duration.ofMillis(3));
        clock.requireStep(Duration.ofSeconds(6)); // a coarser wish changes nothing
        assertThat(clock.step()).isEqualTo(Duration.ofMillis(3));
        clock.requireStep(Duration.ofNanos(100_000));
        assertThat(clock.step()).isEqualTo(Duration.ofMillis(1));
    }

    /** Distinct times seen while reading without pause: about one per step, far fewer than one per millisecond. */
    @Test
    void servesAboutOneTimePerStepToABusyReader() {
        SystemBreakerClock clock = new SystemBreakerClock(SystemBreakerClock.STEP, SystemBreakerClock.IDLE, "test-clock-coarse");
        Duration reading = Duration.ofMillis(500);
        long start = System.nanoTime();
        long last = clock.nanoTime();
        int distinct = 1;
        while (System.nanoTime() - start < reading.toNanos()) {
            long now = clock.nanoTime();
            if (now != last) {
                distinct++;
                last = now;
            }
        }
        // 50 steps in 500 ms; a late tick only lowers the count. A 1 ms clock would show about 500.
        assertThat(distinct).isLessThanOrEqualTo(75);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
