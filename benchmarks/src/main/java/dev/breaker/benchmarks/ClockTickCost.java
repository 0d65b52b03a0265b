package dev.breaker.benchmarks;

import dev.breaker.core.clock.BreakerClock;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The CPU time that the system clock's ticker thread ({@code breaker-clock}) uses per second: while
 * the time is read every 100 µs (a busy application; the ticker never parks), at its default step
 * and then at the finest step (1 ms, the step before issue #15); and idle, once nobody reads.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.breaker.benchmarks.ClockTickCost
 * }</pre>
 */
public final class ClockTickCost {

    private static final Duration MEASURED = Duration.ofSeconds(10);

    private ClockTickCost() {
    }

    public static void main(String[] args) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BreakerClock clock = BreakerClock.system();
        clock.nanoTime(); // starts the ticker
        long ticker = tickerId();

        Thread reader = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                clock.nanoTime();
                LockSupport.parkNanos(100_000);
            }
        }, "reader");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(1_000);
        System.out.printf("read every 100 µs, default step: %.2f ms of CPU per second%n", cpuPerSecond(threads, ticker));
        clock.requireStep(Duration.ofMillis(1));
        Thread.sleep(1_000);
        System.out.printf("read every 100 µs, 1 ms step:    %.2f ms of CPU per second%n", cpuPerSecond(threads, ticker));

        reader.interrupt();
        reader.join();
        Thread.sleep(2_000); // the ticker parks after a second without a read
        System.out.printf("nobody reads:                    %.2f ms of CPU per second%n", cpuPerSecond(threads, ticker));
    }

    private static double cpuPerSecond(ThreadMXBean threads, long id) throws InterruptedException {
        long before = threads.getThreadCpuTime(id);
        Thread.sleep(MEASURED.toMillis());
        long used = threads.getThreadCpuTime(id) - before;
        return used / 1e6 / MEASURED.toSeconds();
    }

    private static long tickerId() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("breaker-clock"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no breaker-clock thread"))
                .getId();
    }
}
