package dev.breaker.core;

import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.store.InMemoryStateStore;
import dev.breaker.core.window.WindowCounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random sequences of calls, held permits, clock moves and resets, run step by step through the
 * engine and through {@link ReferenceBreaker}; after every step both must agree on the state, the
 * window, the open period, the probes and every counter. Each sequence has its own seed and its own
 * random configuration; a mismatch names the seed, the step and the steps before it.
 *
 * <p>Every report carries a latency. The first sequences judge no slow calls, so their latencies
 * must change nothing; the others set {@code slow-call-duration}. Latencies and the slow settings
 * come from a second random stream, so that the first sequences are the same as before slow calls
 * came, step for step.
 */
class BreakerReferenceModelTest {

    private static final int SEQUENCES_PER_BLOCK = 50;
    private static final int STEPS = 300;
    private static final int MAX_HELD = 6;

    @ParameterizedTest(name = "seeds {0} to {0}+49")
    @ValueSource(longs = {0, 50, 100, 150, 200, 250, 300, 350, 400, 450})
    void engineAgreesWithTheReferenceModelAfterEveryStep(long firstSeed) {
        Map<String, Integer> seen = new TreeMap<>();
        for (long seed = firstSeed; seed < firstSeed + SEQUENCES_PER_BLOCK; seed++) {
            new Run(seed, false).play().forEach((what, times) -> seen.merge(what, times, Integer::sum));
        }
        // The sequences are random: make sure they still reach every rule they are meant to check.
        assertThat(seen).containsKeys("OPEN (failure-count)", "OPEN (failure-rate)", "OPEN (probe-failed)",
                "HALF_OPEN (open-period-elapsed)", "CLOSED (probes-succeeded)", "probe slot reclaimed",
                "open period backed off", "open period from retry-after", "outcome of an older generation");
        assertThat(seen).doesNotContainKeys("slow call", "OPEN (slow-call-rate)");
    }

    @ParameterizedTest(name = "seeds {0} to {0}+49, judging slow calls")
    @ValueSource(longs = {1000, 1050, 1100, 1150, 1200, 1250, 1300, 1350, 1400, 1450})
    void engineAgreesWithTheReferenceModelWhenJudgingSlowCalls(long firstSeed) {
        Map<String, Integer> seen = new TreeMap<>();
        for (long seed = firstSeed; seed < firstSeed + SEQUENCES_PER_BLOCK; seed++) {
            new Run(seed, true).play().forEach((what, times) -> seen.merge(what, times, Integer::sum));
        }
        assertThat(seen).containsKeys("slow call", "OPEN (slow-call-rate)", "slow probe", "OPEN (probe-failed)",
                "CLOSED (probes-succeeded)", "OPEN (failure-rate)", "outcome of an older generation");
    }

    /** One random sequence against a fresh engine and a fresh model. */
    private static final class Run {

        private final long seed;
        private final Random random;
        /** Latencies and the slow settings: a stream of their own, see the class notes. */
        private final Random slowness;
        private final BreakerConfig config;
        private final ManualClock clock = new ManualClock();
        private final List<StateTransition> transitions = new ArrayList<>();
        private final Breaker engine;
        private final ReferenceBreaker model;
        private final List<Held> held = new ArrayList<>();
        private final Deque<Step> trail = new ArrayDeque<>();
        private final int failurePercent;
        private int step;

        private record Held(Permit permit, ReferenceBreaker.Ticket ticket) {
        }

        private record Step(long at, String what) {
        }

        Run(long seed, boolean judgesSlowCalls) {
            this.seed = seed;
            this.random = new Random(seed);
            this.slowness = new Random(~seed);
            BreakerConfig drawn = randomConfig(random);
            this.config = judgesSlowCalls ? withSlowCalls(drawn, slowness) : drawn;
            this.failurePercent = new int[] {5, 20, 40, 70}[random.nextInt(4)];
            this.engine = new Breaker(new BreakerId("model", "seed-" + seed), config, clock, transitions::add,
                    InMemoryStateStore.INSTANCE);
            this.model = new ReferenceBreaker(config);
        }

        /** Plays the sequence; returns what it exercised. */
        Map<String, Integer> play() {
            for (step = 0; step < STEPS; step++) {
                int dice = random.nextInt(100);
                if (dice < 45) {
                    call();
                } else if (dice < 55) {
                    hold();
                } else if (dice < 66) {
                    finishHeld();
                } else if (dice < 97) {
                    advanceClock();
                } else {
                    log("reset");
                    engine.reset();
                    model.reset();
                }
                compare();
            }
            return model.seen;
        }

        private void call() {
            long now = clock.nanoTime();
            Permit permit = engine.tryAcquire();
            ReferenceBreaker.Ticket ticket = model.tryAcquire(now);
            if (!admittedAlike(permit, ticket, "call")) {
                return;
            }
            report(permit, ticket);
            permit.release();
            model.release(ticket, now);
        }

        private void hold() {
            if (held.size() == MAX_HELD) {
                return;
            }
            Permit permit = engine.tryAcquire();
            ReferenceBreaker.Ticket ticket = model.tryAcquire(clock.nanoTime());
            if (admittedAlike(permit, ticket, "hold")) {
                held.add(new Held(permit, ticket));
            }
        }

        private void finishHeld() {
            if (held.isEmpty()) {
                return;
            }
            Held done = held.remove(random.nextInt(held.size()));
            log("finish a held " + (done.ticket().probe ? "probe" : "call") + " of generation "
                    + done.ticket().generation + " (now " + model.generation() + ")");
            if (random.nextInt(5) == 0) {
                log("release held permit without an outcome (the call threw)");
            } else {
                report(done.permit(), done.ticket());
            }
            done.permit().release();
            model.release(done.ticket(), clock.nanoTime());
        }

        private boolean admittedAlike(Permit permit, ReferenceBreaker.Ticket ticket, String what) {
            log(what + ": engine " + (permit == null ? "rejected" : "admitted")
                    + ", model " + (ticket == null ? "rejected" : ticket.probe ? "admitted a probe" : "admitted"));
            if ((permit == null) != (ticket == null)) {
                mismatch("the engine and the model disagree on admitting the call");
            }
            return permit != null;
        }

        private void report(Permit permit, ReferenceBreaker.Ticket ticket) {
            int dice = random.nextInt(100);
            Outcome outcome = dice < 10 ? Outcome.IGNORED : dice < 10 + failurePercent * 9 / 10 ? Outcome.FAILURE
                    : Outcome.SUCCESS;
            int status = outcome == Outcome.FAILURE ? (random.nextBoolean() ? 503 : 529) : 0;
            Duration retryAfter = outcome == Outcome.FAILURE && random.nextInt(5) == 0
                    ? Duration.ofMillis(random.nextInt((int) config.maxOpenDuration().toMillis() * 3 / 2 + 1))
                    : null;
            long latency = randomLatency();
            log("  " + outcome + (status > 0 ? " " + status : "") + (retryAfter != null ? " retry-after " + retryAfter : "")
                    + " after " + (latency < 0 ? "an unknown time" : Duration.ofNanos(latency)));
            permit.onResult(new CallResult(outcome, status, retryAfter, false), latency);
            model.report(ticket, outcome, status, retryAfter, latency, clock.nanoTime());
        }

        /** Unknown now and then; else quick, slow, or right at the slow-call duration (or 1 ns below it). */
        private long randomLatency() {
            long slowNanos = config.slowCallDuration() == null ? Duration.ofSeconds(1).toNanos()
                    : config.slowCallDuration().toNanos();
            return switch (slowness.nextInt(10)) {
                case 0 -> -1;
                case 1 -> slowNanos - slowness.nextInt(2);
                case 2, 3, 4 -> slowNanos + slowness.nextLong(slowNanos * 10);
                default -> slowness.nextLong(slowNanos);
            };
        }

        private void advanceClock() {
            long sliceMillis = config.windowDuration().toMillis() / 10;
            long sliceNanos = config.windowDuration().toNanos() / 10;
            long nanos = switch (random.nextInt(7)) {
                case 0 -> random.nextInt((int) sliceMillis * 3 + 1) * 1_000_000L;
                case 1 -> random.nextInt((int) config.windowDuration().toMillis() + 1) * 1_000_000L;
                case 2 -> random.nextInt((int) config.openDuration().toMillis() * 2 + 1) * 1_000_000L;
                case 3 -> random.nextInt((int) config.probeTimeout().toMillis() * 2 + 1) * 1_000_000L;
                case 4 -> untilRetryAt() + random.nextInt(3) - 1; // onto the end of the open period, or 1 ns off
                case 5 -> untilProbeTimeout() + random.nextInt(3) - 1; // onto a held probe's timeout, or 1 ns off
                default -> sliceNanos - Math.floorMod(clock.nanoTime(), sliceNanos); // onto a slice boundary
            };
            Duration step = Duration.ofNanos(Math.max(0, nanos));
            log("advance " + step);
            clock.advance(step);
        }

        private long untilProbeTimeout() {
            return held.stream().filter(h -> h.ticket().probe)
                    .mapToLong(h -> h.ticket().acquiredAt + config.probeTimeout().toNanos() - clock.nanoTime())
                    .filter(nanos -> nanos > 0).min().orElse(0);
        }

        private long untilRetryAt() {
            return model.state == BreakerState.OPEN ? Math.max(0, model.retryAt - clock.nanoTime()) : 0;
        }

        private void compare() {
            long now = clock.nanoTime();
            model.observe(now);
            BreakerSnapshot snapshot = engine.snapshot();
            WindowCounts counts = model.state == BreakerState.CLOSED ? model.window(now) : model.countsAtTrip;
            Duration retryAfter = model.state == BreakerState.OPEN ? Duration.ofNanos(Math.max(0, model.retryAt - now))
                    : null;
            Duration publicRetryAfter = switch (model.state) {
                case OPEN -> retryAfter;
                case HALF_OPEN -> Duration.ofSeconds(1);
                case CLOSED -> Duration.ZERO;
            };
            List<ReferenceBreaker.Transition> engineTransitions = transitions.stream()
                    .map(t -> new ReferenceBreaker.Transition(t.to(), t.reason())).toList();
            expect("state", model.state, snapshot.state());
            expect("window calls", counts.calls(), snapshot.calls());
            expect("window failures", counts.failures(), snapshot.failures());
            expect("window slow calls", counts.slowCalls(), snapshot.slowCalls());
            expect("retry after (snapshot)", retryAfter, snapshot.retryAfter());
            expect("retry after", publicRetryAfter, engine.retryAfter());
            expect("reason", model.reason, snapshot.reason());
            expect("probes in flight", model.probesInFlight(), engine.probesInFlight());
            expect("trips", model.trips, snapshot.trips());
            expect("rejections", model.rejections, snapshot.rejections());
            expect("total successes", model.successes, snapshot.totalSuccesses());
            expect("total failures", model.failures, snapshot.totalFailures());
            expect("total ignored", model.ignored, snapshot.totalIgnored());
            expect("total slow calls", model.slowCalls, snapshot.totalSlowCalls());
            expect("last failure status", model.lastFailureStatus, snapshot.lastFailureStatus());
            expect("transitions", model.transitions, engineTransitions);
        }

        private void expect(String what, Object expected, Object actual) {
            if (!Objects.equals(expected, actual)) {
                mismatch(what + " is " + actual + " in the engine but " + expected + " in the model");
            }
        }

        private void log(String line) {
            trail.addLast(new Step(clock.nanoTime(), line));
            if (trail.size() > 25) {
                trail.removeFirst();
            }
        }

        private void mismatch(String what) {
            StringBuilder steps = new StringBuilder();
            trail.forEach(step -> steps.append(String.format("%n  t=%.9fs %s", step.at() / 1e9, step.what())));
            fail("seed " + seed + ", step " + step + ": " + what + "\nconfig " + config + "\nlast steps:" + steps);
        }

        private static BreakerConfig randomConfig(Random random) {
            int windowSize = 1 + random.nextInt(20);
            Duration open = Duration.ofMillis(100 + random.nextInt(30_000));
            return BreakerConfig.builder()
                    .windowSize(windowSize)
                    .minimumCalls(1 + random.nextInt(windowSize))
                    .failureThreshold(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(windowSize))
                    .failureRateThreshold(new double[] {0.2, 0.25, 0.5, 0.6, 0.75, 1.0}[random.nextInt(6)])
                    .windowDuration(Duration.ofMillis(1_000 + random.nextInt(60_000)))
                    .openDuration(open)
                    .backoffMultiplier(new double[] {1.0, 1.5, 2.0}[random.nextInt(3)])
                    .maxOpenDuration(open.multipliedBy(1 + random.nextInt(20)))
                    .halfOpenMaxCalls(1 + random.nextInt(3))
                    .halfOpenSuccessesToClose(1 + random.nextInt(4))
                    .probeTimeout(Duration.ofMillis(500 + random.nextInt(60_000)))
                    .honorRetryAfter(random.nextBoolean())
                    .openJitter(0)
                    .build();
        }

        private static BreakerConfig withSlowCalls(BreakerConfig config, Random random) {
            return config.toBuilder()
                    .slowCallDuration(Duration.ofMillis(50 + random.nextInt(10_000)))
                    .slowCallRateThreshold(new double[] {0.2, 0.3, 0.5, 0.6, 0.75, 1.0}[random.nextInt(6)])
                    .build();
        }
    }
}
