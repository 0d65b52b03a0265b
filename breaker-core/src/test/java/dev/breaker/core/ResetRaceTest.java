package dev.breaker.core;

import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.store.InMemoryStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's {@code reset()} or {@code forceClosed()} starts a new generation while calls go on.
 * Whatever a call admitted by the new generation reports must be in that generation's window: the
 * window is emptied before the new state is published, never after.
 *
 * <p>Each round, one thread resets the breaker once while another reports outcomes without pause,
 * each through the permit it got; a closed (or forced-closed) permit is the state object itself, so
 * its identity names the generation that admitted the call. When both are done, every outcome
 * reported through the last generation's permit must be in the snapshot. Outcomes of the older
 * generation may land in the new window too (an accepted race, see {@code Breaker#moveTo}), so the
 * snapshot holds at least those, not exactly those.
 *
 * <p>The schedule in which the race shows is forced rather than hoped for, so that the test fails
 * on a loaded machine too: the resetting thread is held at every clock read it makes, as if
 * preempted there, until the reporting thread has reported through a new generation (or for at most
 * {@link #HOLD}). That widens every gap inside {@code reset()}, wherever it is, without knowing where.
 */
class ResetRaceTest {

    private static final int ROUNDS = 50;
    private static final int OLD_GENERATION_REPORTS = 20;
    private static final int NEW_GENERATION_REPORTS = 20;
    private static final Duration HOLD = Duration.ofMillis(20);

    // No rule can trip: the rate rule needs 10,000 calls, and a round reports far fewer.
    private static final BreakerConfig CONFIG = BreakerConfig.builder()
            .windowSize(10_000).minimumCalls(10_000).failureRateThreshold(1.0)
            .windowDuration(Duration.ofDays(1))
            .build();

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final HoldingClock clock = new HoldingClock();
    private final Breaker breaker = new Breaker(new BreakerId("p", "k"), CONFIG, clock, transition -> { },
            InMemoryStateStore.INSTANCE);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void resetNeverWipesAFailureOfTheGenerationItStarts() throws Exception {
        race(Breaker::reset, permit -> permit.onFailure(503), snapshot -> snapshot.failures());
    }

    @Test
    void forceClosedNeverWipesASuccessOfTheGenerationItStarts() throws Exception {
        race(Breaker::forceClosed, Permit::onSuccess, snapshot -> snapshot.calls());
    }

    private void race(Consumer<Breaker> reset, Consumer<Permit> report, ToIntFunction<BreakerSnapshot> inWindow)
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Permit before = breaker.tryAcquire();
            AtomicInteger throughNew = new AtomicInteger();
            CyclicBarrier start = new CyclicBarrier(2);
            Future<?> resetting = pool.submit(() -> {
                start.await();
                clock.hold(Thread.currentThread(), () -> throughNew.get() >= NEW_GENERATION_REPORTS);
                try {
                    reset.accept(breaker);
                } finally {
                    clock.release();
                }
                return null;
            });
            Future<Map<Permit, Integer>> reporting = pool.submit(() -> {
                start.await();
                return reportAcrossTheReset(before, report, throughNew);
            });
            resetting.get(10, TimeUnit.SECONDS);
            Map<Permit, Integer> reported = reporting.get(10, TimeUnit.SECONDS);

            Permit last = breaker.tryAcquire();
            assertThat(last).as("round %d: one reset, one new generation", round).isNotSameAs(before);
            assertThat(inWindow.applyAsInt(breaker.snapshot()))
                    .as("round %d: outcomes in the window of the generation the reset started", round)
                    .isGreaterThanOrEqualTo(reported.getOrDefault(last, 0));
        }
    }

    /**
     * Reports through whatever permit the breaker hands out until the new generation has admitted
     * {@link #NEW_GENERATION_REPORTS} calls; the old one reports at most {@link #OLD_GENERATION_REPORTS},
     * so that no round can fill the window. Returns how many outcomes went through each permit.
     */
    private Map<Permit, Integer> reportAcrossTheReset(Permit before, Consumer<Permit> report, AtomicInteger throughNew) {
        Map<Permit, Integer> reported = new IdentityHashMap<>();
        while (throughNew.get() < NEW_GENERATION_REPORTS) {
            Permit permit = breaker.tryAcquire();
            if (permit == before && reported.getOrDefault(before, 0) >= OLD_GENERATION_REPORTS) {
                Thread.onSpinWait();
                continue;
            }
            report.accept(permit);
            reported.merge(permit, 1, Integer::sum);
            if (permit != before) {
                throughNew.incrementAndGet();
            }
        }
        return reported;
    }

    /**
     * A manual clock (time stands still) that holds one thread at every read until a condition
     * holds, or for at most {@link #HOLD}.
     */
    private static final class HoldingClock implements BreakerClock {

        private final ManualClock time = new ManualClock();
        private volatile Thread held;
        private volatile BooleanSupplier until;

        void hold(Thread thread, BooleanSupplier condition) {
            until = condition;
            held = thread;
        }

        void release() {
            held = null;
        }

        @Override
        public long nanoTime() {
            if (Thread.currentThread() == held) {
                long end = System.nanoTime() + HOLD.toNanos();
                while (!until.getAsBoolean() && System.nanoTime() - end < 0) {
                    Thread.onSpinWait();
                }
            }
            return time.nanoTime();
        }

        @Override
        public long wallMillis() {
            return time.wallMillis();
        }
    }
}
