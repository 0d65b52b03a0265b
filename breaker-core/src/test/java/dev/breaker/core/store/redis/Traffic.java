package dev.breaker.core.store.redis;

import dev.breaker.core.Breaker;
import dev.breaker.core.Permit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Background callers, one thread per {@link Caller}, that make calls until stopped (or for at most a
 * minute) and record how long each took. A call here is {@code tryAcquire} plus its outcome: all the
 * time the breaker, and so its store, can add to a real call. Each thread pauses 1 ms between calls,
 * so that the callers do not starve the two cores of the test machine.
 */
final class Traffic implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofMinutes(1);
    private static final int MAX_SAMPLES = 60_000;

    /** One calling thread: which breaker it calls, and how each admitted call ends. */
    record Caller(Supplier<Breaker> breaker, Consumer<Permit> outcome) {

        static Caller succeeding(Supplier<Breaker> breaker) {
            return new Caller(breaker, Permit::onSuccess);
        }

        /** A probe that reports nothing, so that a half-open breaker stays half-open. */
        static Caller ignored(Supplier<Breaker> breaker) {
            return new Caller(breaker, Permit::onIgnored);
        }
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final List<long[]> samples = new ArrayList<>();
    private final List<AtomicLong> counts = new ArrayList<>();
    private final AtomicLong rejected = new AtomicLong();
    private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private long[] sorted;

    static Traffic start(List<Caller> callers) {
        Traffic traffic = new Traffic();
        for (Caller caller : callers) {
            long[] took = new long[MAX_SAMPLES];
            AtomicLong count = new AtomicLong();
            traffic.samples.add(took);
            traffic.counts.add(count);
            Thread thread = new Thread(() -> traffic.run(caller, took, count), "traffic");
            thread.setDaemon(true);
            traffic.threads.add(thread);
            thread.start();
        }
        return traffic;
    }

    private void run(Caller caller, long[] took, AtomicLong count) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        int n = 0;
        while (running.get() && System.nanoTime() < deadline && n < took.length) {
            try {
                long start = System.nanoTime();
                Permit permit = caller.breaker().get().tryAcquire();
                if (permit == null) {
                    rejected.incrementAndGet();
                } else {
                    caller.outcome().accept(permit);
                }
                took[n++] = System.nanoTime() - start;
                count.lazySet(n);
            } catch (Throwable e) {
                errors.add(e);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    long calls() {
        return counts.stream().mapToLong(AtomicLong::get).sum();
    }

    long rejected() {
        return rejected.get();
    }

    List<Throwable> errors() {
        return List.copyOf(errors);
    }

    /** The call duration below which {@code fraction} of the calls took (after {@link #close()}). */
    Duration percentile(double fraction) {
        return Duration.ofNanos(sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]);
    }

    Duration slowestCall() {
        return Duration.ofNanos(sorted[sorted.length - 1]);
    }

    String summary() {
        return String.format("%d calls: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, slowest %.2f ms", sorted.length,
                percentile(0.5).toNanos() / 1e6, percentile(0.99).toNanos() / 1e6, percentile(0.999).toNanos() / 1e6,
                slowestCall().toNanos() / 1e6);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            long[] took = samples.get(i);
            for (int j = 0; j < counts.get(i).get(); j++) {
                all.add(took[j]);
            }
        }
        sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
    }
}
