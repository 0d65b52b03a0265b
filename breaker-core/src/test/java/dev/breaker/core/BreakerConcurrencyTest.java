package dev.breaker.core;

import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.store.InMemoryStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads against one breaker, on a {@link ManualClock}: time moves only between the
 * concurrent phases, so every assertion is exact. Each phase starts all threads at one barrier and
 * runs a bounded number of iterations.
 */
class BreakerConcurrencyTest {

    private static final int THREADS = 16;
    private static final Duration OPEN = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private final Queue<StateTransition> transitions = new ConcurrentLinkedQueue<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void neverAdmitsMoreProbesThanConfigured() throws Exception {
        Breaker breaker = breaker(BreakerConfig.builder().failureThreshold(3).windowSize(10).minimumCalls(10)
                .openDuration(OPEN).halfOpenMaxCalls(3).halfOpenSuccessesToClose(5).build());
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostHolding = new AtomicInteger();
        LongAdder probes = new LongAdder();

        for (int round = 0; round < 40; round++) {
            while (breaker.state() == BreakerState.CLOSED) {
                breaker.acquire().onFailure(503);
            }
            clock.advance(OPEN); // the round's probing starts; no time passes while it runs
            int seed = round;
            runConcurrently(thread -> {
                Random random = new Random(seed * 100L + thread);
                for (int i = 0; i < 300; i++) {
                    Permit permit = breaker.tryAcquire();
                    if (permit instanceof ProbePermit) {
                        probes.increment();
                        mostHolding.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        holding.decrementAndGet(); // before reporting: the report frees the slot
                    }
                    if (permit != null) {
                        report(permit, random.nextInt(20));
                    }
                }
            });
            assertThat(breaker.probesInFlight()).isZero();
        }

        assertThat(mostHolding.get()).isBetween(1, 3);
        assertThat(probes.sum()).isGreaterThan(40);
    }

    /** 0–11 success, 12–16 ignored, 17–19 failure. */
    private static void report(Permit permit, int dice) {
        if (dice < 12) {
            permit.onSuccess();
        } else if (dice < 17) {
            permit.onIgnored();
        } else {
            permit.onFailure(529);
        }
    }

    @Test
    void countsEveryOutcomeExactlyWhileManyThreadsReport() throws Exception {
        // The rate rule would need 64 failures in a row: the window switches between its modes
        // all the time, and the breaker never trips.
        Breaker breaker = breaker(BreakerConfig.builder().windowSize(64).minimumCalls(64).failureRateThreshold(1.0)
                .build());
        LongAdder successes = new LongAdder();
        LongAdder failures = new LongAdder();
        LongAdder ignored = new LongAdder();

        runConcurrently(thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < 5_000; i++) {
                Permit permit = breaker.acquire();
                switch (random.nextInt(3)) {
                    case 0 -> {
                        permit.onSuccess();
                        successes.increment();
                    }
                    case 1 -> {
                        permit.onFailure(503);
                        failures.increment();
                    }
                    default -> {
                        permit.onIgnored();
                        ignored.increment();
                    }
                }
                if (i % 500 == 0) {
                    clock.advance(Duration.ofSeconds(1)); // slices rotate while others record
                }
            }
        });

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalSuccesses()).isEqualTo(successes.sum());
        assertThat(breaker.totalFailures()).isEqualTo(failures.sum());
        assertThat(breaker.totalIgnored()).isEqualTo(ignored.sum());
        assertThat(successes.sum() + failures.sum() + ignored.sum()).isEqualTo(THREADS * 5_000L);
        BreakerSnapshot snapshot = breaker.snapshot();
        assertThat(snapshot.calls()).isBetween(1, 64);
        assertThat(snapshot.failures()).isLessThan(64);
    }

    /** What a thread reported, by kind; the latencies say whether it was slow. */
    private static final class Reported {
        final LongAdder successes = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder ignored = new LongAdder();
        final LongAdder slow = new LongAdder();

        /** Quick or slow successes and failures, and ignored calls that took long. */
        void report(Permit permit, Random random) {
            boolean slow = random.nextBoolean();
            long latency = slow ? SLOW_NANOS : SLOW_NANOS - 1;
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    permit.onResult(CallResult.SUCCESS, latency);
                    successes.increment();
                }
                case 2, 3 -> {
                    permit.onResult(CallResult.failure(503, null), latency);
                    failures.increment();
                }
                default -> {
                    permit.onResult(CallResult.IGNORED, SLOW_NANOS);
                    ignored.increment();
                    return;
                }
            }
            if (slow) {
                this.slow.increment();
            }
        }
    }

    private static final long SLOW_NANOS = Duration.ofSeconds(2).toNanos();

    @Test
    void countsEverySlowCallExactlyWhileManyThreadsReport() throws Exception {
        // Every rule needs all 64 calls of the window to be failures, or all slow: it never trips,
        // while slow successes (under the window's lock) and plain ones (striped) mix all the time.
        Breaker breaker = breaker(BreakerConfig.builder().windowSize(64).minimumCalls(64).failureRateThreshold(1.0)
                .slowCallDuration(Duration.ofNanos(SLOW_NANOS)).slowCallRateThreshold(1.0).build());
        Reported reported = new Reported();

        runConcurrently(thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < 5_000; i++) {
                reported.report(breaker.acquire(), random);
                if (i % 500 == 0) {
                    clock.advance(Duration.ofSeconds(1)); // slices rotate while others record
                }
            }
        });

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalSuccesses()).isEqualTo(reported.successes.sum());
        assertThat(breaker.totalFailures()).isEqualTo(reported.failures.sum());
        assertThat(breaker.totalIgnored()).isEqualTo(reported.ignored.sum());
        assertThat(breaker.totalSlowCalls()).isEqualTo(reported.slow.sum());
        BreakerSnapshot snapshot = breaker.snapshot();
        assertThat(snapshot.calls()).isBetween(1, 64);
        assertThat(snapshot.slowCalls()).isLessThan(64);
    }

    @Test
    void keepsEverySlowCallInTheWindowExactlyWhileManyThreadsReport() throws Exception {
        int calls = THREADS * 5_000;
        Breaker breaker = breaker(BreakerConfig.builder().windowSize(calls).minimumCalls(calls)
                .failureRateThreshold(1.0).slowCallDuration(Duration.ofNanos(SLOW_NANOS)).slowCallRateThreshold(1.0)
                .build());
        Reported reported = new Reported();

        runConcurrently(thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < 5_000; i++) {
                reported.report(breaker.acquire(), random);
            }
        });

        BreakerSnapshot snapshot = breaker.snapshot();
        assertThat(snapshot.calls()).isEqualTo(reported.successes.sum() + reported.failures.sum());
        assertThat(snapshot.failures()).isEqualTo(reported.failures.sum());
        assertThat(snapshot.slowCalls()).isEqualTo(reported.slow.sum());
        assertThat(breaker.totalSlowCalls()).isEqualTo(reported.slow.sum());
    }

    @Test
    void countsEveryOutcomeExactlyWhileForcedClosed() throws Exception {
        Breaker breaker = breaker(BreakerConfig.builder().failureThreshold(1).build());
        breaker.forceClosed();
        LongAdder successes = new LongAdder();
        LongAdder failures = new LongAdder();

        runConcurrently(thread -> {
            for (int i = 0; i < 5_000; i++) {
                if ((i + thread) % 2 == 0) {
                    breaker.acquire().onSuccess();
                    successes.increment();
                } else {
                    breaker.acquire().onFailure(503);
                    failures.increment();
                }
            }
        });

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalTrips()).isZero();
        assertThat(breaker.totalSuccesses()).isEqualTo(successes.sum()).isEqualTo(THREADS * 2_500L);
        assertThat(breaker.totalFailures()).isEqualTo(failures.sum()).isEqualTo(THREADS * 2_500L);
    }

    @Test
    void countsEveryRejectionExactlyWhileForcedOpen() throws Exception {
        Breaker breaker = breaker(BreakerConfig.defaults());
        breaker.forceOpen();
        LongAdder admitted = new LongAdder();

        runConcurrently(thread -> {
            for (int i = 0; i < 5_000; i++) {
                if (breaker.tryAcquire() != null) {
                    admitted.increment();
                }
            }
        });

        assertThat(admitted.sum()).isZero();
        assertThat(breaker.totalRejections()).isEqualTo(THREADS * 5_000L);
    }

    @Test
    void tripsExactlyOnceWhenManyThreadsFailAtOnce() throws Exception {
        for (int round = 0; round < 30; round++) {
            transitions.clear();
            Breaker breaker = breaker(BreakerConfig.builder().failureThreshold(5).windowSize(50).minimumCalls(50)
                    .build());

            runConcurrently(thread -> {
                for (int i = 0; i < 4; i++) {
                    Permit permit = breaker.tryAcquire();
                    if (permit != null) {
                        permit.onFailure(529);
                    }
                }
            });

            assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
            assertThat(breaker.totalTrips()).isEqualTo(1);
            assertThat(transitions).hasSize(1);
            assertThat(transitions.peek().to()).isEqualTo(BreakerState.OPEN);
            assertThat(breaker.totalFailures() + breaker.totalRejections()).isEqualTo(THREADS * 4L);
        }
    }

    @Test
    void givesTheProbeSlotBackWhateverTheCallThrows() throws Exception {
        Breaker breaker = halfOpen(BreakerConfig.builder().failureThreshold(1).openDuration(OPEN)
                .halfOpenMaxCalls(3).build());
        LongAdder calls = new LongAdder();

        runConcurrently(thread -> {
            for (int i = 0; i < 500; i++) {
                Permit permit = breaker.tryAcquire();
                if (permit == null) {
                    continue;
                }
                try {
                    calls.increment();
                    throw i % 2 == 0 ? new StackOverflowError("upstream call blew up") : new OutOfMemoryError("and again");
                } catch (Error expected) {
                    // the caller's problem; the breaker must only get its slot back
                } finally {
                    permit.release();
                }
            }
        });

        assertThat(calls.sum()).isGreaterThanOrEqualTo(3);
        assertThat(breaker.totalIgnored()).isEqualTo(calls.sum());
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.probesInFlight()).isZero();
        for (int i = 0; i < 3; i++) {
            breaker.acquire().onSuccess();
        }
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void reclaimsTheSlotsOfProbesThatNeverReportBack() throws Exception {
        Duration probeTimeout = Duration.ofSeconds(60);
        Breaker breaker = halfOpen(BreakerConfig.builder().failureThreshold(1).openDuration(OPEN)
                .halfOpenMaxCalls(3).probeTimeout(probeTimeout).build());
        Queue<Permit> abandoned = new ConcurrentLinkedQueue<>();
        runConcurrently(thread -> {
            Permit permit = breaker.tryAcquire();
            if (permit != null) {
                abandoned.add(permit); // its call hangs and never reports back
            }
        });
        assertThat(abandoned).hasSize(3);

        clock.advance(probeTimeout.minusMillis(1));
        runConcurrently(thread -> assertThat(breaker.tryAcquire()).isNull());

        clock.advance(Duration.ofMillis(1));
        Queue<Permit> fresh = new ConcurrentLinkedQueue<>();
        runConcurrently(thread -> {
            Permit permit = breaker.tryAcquire();
            if (permit != null) {
                fresh.add(permit);
            }
        });
        assertThat(fresh).hasSize(3);

        abandoned.forEach(permit -> permit.onFailure(503)); // too late: changes nothing
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        fresh.forEach(Permit::onSuccess);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalTrips()).isEqualTo(1);
    }

    /**
     * A probe that fails ends the half-open generation. Its slot must not admit another call on
     * the way: the breaker is about to be open, and the call would reach the upstream.
     */
    @Test
    void admitsNoCallWhileTheOnlyProbeReportsItsFailure() throws Exception {
        BreakerConfig config = BreakerConfig.builder().failureThreshold(1).openDuration(OPEN).halfOpenMaxCalls(1)
                .build();
        int admitted = 0;
        for (int round = 0; round < 300; round++) {
            Breaker breaker = halfOpen(config);
            Permit probe = breaker.acquire();
            admitted += raceAgainst(breaker, () -> probe.onFailure(503), permit -> true);
            assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        }
        assertThat(admitted).isZero();
    }

    /** The closing probe's slot must not admit a probe into the generation it closes. */
    @Test
    void admitsNoProbeWhileTheClosingProbeReportsItsSuccess() throws Exception {
        BreakerConfig config = BreakerConfig.builder().failureThreshold(1).openDuration(OPEN).halfOpenMaxCalls(1)
                .build();
        int lateProbes = 0;
        for (int round = 0; round < 300; round++) {
            Breaker breaker = halfOpen(config);
            Permit probe = breaker.acquire();
            lateProbes += raceAgainst(breaker, probe::onSuccess, permit -> permit instanceof ProbePermit);
            assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        }
        assertThat(lateProbes).isZero();
    }

    /**
     * The calls that the closing probe lets in at once count in the new window: two failures trip.
     * The listener takes a while, as a logging one does, so that those calls run while the closing
     * thread is still busy with the transition.
     */
    @Test
    void countsTheFailuresRightAfterTheClosingProbe() throws Exception {
        BreakerConfig config = BreakerConfig.builder().failureThreshold(2).windowSize(4).minimumCalls(4)
                .openDuration(OPEN).halfOpenMaxCalls(1).build();
        for (int round = 0; round < 300; round++) {
            Breaker breaker = new Breaker(new BreakerId("anthropic", "/v1/messages"), config, clock,
                    transition -> busyFor(Duration.ofNanos(50_000)), InMemoryStateStore.INSTANCE);
            breaker.acquire().onFailure(503);
            breaker.acquire().onFailure(503);
            clock.advance(OPEN);
            Permit probe = breaker.acquire();
            failTwiceOnceClosed(breaker, probe::onSuccess);
            assertThat(breaker.state()).as("round %d", round).isEqualTo(BreakerState.OPEN);
        }
    }

    private static void busyFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** Runs {@code close} while another thread waits for CLOSED and then reports two failures. */
    private void failTwiceOnceClosed(Breaker breaker, Runnable close) throws Exception {
        CyclicBarrier gate = new CyclicBarrier(2);
        Future<?> failing = pool.submit(() -> {
            gate.await();
            while (breaker.state() != BreakerState.CLOSED) {
                Thread.onSpinWait();
            }
            breaker.acquire().onFailure(503);
            breaker.acquire().onFailure(503);
            return null;
        });
        gate.await();
        close.run();
        failing.get(10, TimeUnit.SECONDS);
    }

    /**
     * Runs {@code report} while another thread asks for permits as long as the breaker is half-open;
     * returns how many of the permits it got match {@code counted}.
     */
    private int raceAgainst(Breaker breaker, Runnable report, java.util.function.Predicate<Permit> counted)
            throws Exception {
        CyclicBarrier gate = new CyclicBarrier(2);
        Future<Integer> contender = pool.submit(() -> {
            gate.await();
            int matched = 0;
            for (int spins = 0; spins < 100_000 && breaker.state() == BreakerState.HALF_OPEN; spins++) {
                Permit permit = breaker.tryAcquire();
                if (permit != null) {
                    matched += counted.test(permit) ? 1 : 0;
                    permit.release();
                }
            }
            return matched;
        });
        gate.await();
        report.run();
        return contender.get(10, TimeUnit.SECONDS);
    }

    private Breaker halfOpen(BreakerConfig config) {
        Breaker breaker = breaker(config);
        while (breaker.state() == BreakerState.CLOSED) {
            breaker.acquire().onFailure(503);
        }
        clock.advance(config.openDuration());
        return breaker;
    }

    private Breaker breaker(BreakerConfig config) {
        return new Breaker(new BreakerId("anthropic", "/v1/messages"), config, clock, transitions::add,
                InMemoryStateStore.INSTANCE);
    }

    /** Runs {@code task} on every pool thread at once, released together by a barrier. */
    private void runConcurrently(ThreadTask task) throws Exception {
        CyclicBarrier gate = new CyclicBarrier(THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int id = thread;
            running.add(pool.submit(() -> {
                gate.await();
                task.run(id);
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get(30, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface ThreadTask {
        void run(int thread) throws Exception;
    }
}
