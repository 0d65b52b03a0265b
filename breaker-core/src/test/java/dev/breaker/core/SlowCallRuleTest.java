package dev.breaker.core;

import dev.breaker.core.window.WindowCounts;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The slow rule while CLOSED, on a manual clock: latencies are passed in, as the doors measure them. */
class SlowCallRuleTest {

    private static final long SLOW = Duration.ofSeconds(3).toNanos();
    private static final long FAST = Duration.ofMillis(200).toNanos();

    private final BreakerFixture fixture = new BreakerFixture();

    /** Slow at 2 s and more; 50 % slow calls of at least 4 trip; failures alone trip only at 100 %. */
    private final BreakerConfig config = BreakerConfig.builder().slowCallDuration(Duration.ofSeconds(2))
            .slowCallRateThreshold(0.5).minimumCalls(4).failureRateThreshold(1.0).build();

    @Test
    void opensWhenHalfOfTheCallsAreSlowSuccesses() {
        Breaker breaker = fixture.breaker(config);

        succeed(breaker, FAST, 2);
        succeed(breaker, SLOW, 1);
        assertThat(breaker.state()).as("3 calls: fewer than minimum-calls").isEqualTo(BreakerState.CLOSED);
        succeed(breaker, SLOW, 1);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        StateTransition trip = fixture.transitions.get(0);
        assertThat(trip.reason()).isEqualTo(TransitionReason.SLOW_CALL_RATE);
        assertThat(trip.reason().code()).isEqualTo("slow-call-rate");
        assertThat(trip.status()).isZero();
        assertThat(trip.counts().slowCalls()).isEqualTo(2);
        assertThat(breaker.snapshot().reason()).isEqualTo(TransitionReason.SLOW_CALL_RATE);
        assertThat(breaker.snapshot().slowCallRate()).isEqualTo(0.5);
    }

    @Test
    void countsSlowFailuresAsSlowCallsToo() {
        Breaker breaker = fixture.breaker(config);

        succeed(breaker, FAST, 2);
        fail(breaker, SLOW, 1);
        assertThat(breaker.snapshot().slowCalls()).isEqualTo(1);
        fail(breaker, SLOW, 1);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(fixture.transitions.get(0).reason()).isEqualTo(TransitionReason.SLOW_CALL_RATE);
        assertThat(fixture.transitions.get(0).counts()).isEqualTo(new WindowCounts(4, 2, 2));
        assertThat(breaker.totalSlowCalls()).isEqualTo(2);
        assertThat(breaker.totalFailures()).isEqualTo(2);
    }

    @Test
    void neverCountsAnIgnoredCallAsSlow() {
        Breaker breaker = fixture.breaker(config);

        for (int i = 0; i < 20; i++) {
            breaker.acquire().onResult(CallResult.IGNORED, SLOW);
        }
        succeed(breaker, FAST, 3);

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.snapshot().calls()).isEqualTo(3);
        assertThat(breaker.snapshot().slowCalls()).isZero();
        assertThat(breaker.totalSlowCalls()).isZero();
        assertThat(breaker.totalIgnored()).isEqualTo(20);
    }

    @Test
    void waitsForMinimumCallsAndThenTripsOnAPlainSuccess() {
        Breaker breaker = fixture.breaker(config.toBuilder().minimumCalls(10).build());

        succeed(breaker, SLOW, 9);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        // Not slow, but it brings the window to minimum-calls while 9 of 10 are slow.
        succeed(breaker, FAST, 1);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(fixture.transitions.get(0).reason()).isEqualTo(TransitionReason.SLOW_CALL_RATE);
    }

    @Test
    void tripsAtExactlyFiftySlowOfTheLastHundredCallsAndNotAtFortyNine() {
        Breaker breaker = fixture.breaker(config.toBuilder().minimumCalls(100).windowSize(100).build());

        succeed(breaker, FAST, 51);
        succeed(breaker, SLOW, 49);
        assertThat(breaker.snapshot().calls()).isEqualTo(100);
        assertThat(breaker.snapshot().slowCalls()).isEqualTo(49);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);

        succeed(breaker, SLOW, 1); // pushes out the oldest fast call: 50 of the last 100

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(fixture.transitions.get(0).counts().slowCalls()).isEqualTo(50);
    }

    /** A plain success in a full window is not judged (it cannot raise a rate); a slow one is. */
    @Test
    void judgesASlowSuccessInAFullWindow() {
        Breaker breaker = fixture.breaker(config.toBuilder().windowSize(4).build());

        succeed(breaker, FAST, 4);
        succeed(breaker, SLOW, 1);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        succeed(breaker, SLOW, 1);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void slowCallsOlderThanTheWindowNoLongerCount() {
        Breaker breaker = fixture.breaker(config.toBuilder().windowDuration(Duration.ofSeconds(10)).build());

        succeed(breaker, SLOW, 1);
        succeed(breaker, FAST, 2);
        fixture.clock.advance(Duration.ofSeconds(10)); // the slice of those calls is ten slices old
        succeed(breaker, SLOW, 1);
        succeed(breaker, FAST, 2);

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.snapshot().calls()).isEqualTo(3);
        assertThat(breaker.snapshot().slowCalls()).isEqualTo(1);
        succeed(breaker, SLOW, 1);
        assertThat(breaker.state()).as("2 slow of 4, all young").isEqualTo(BreakerState.OPEN);
    }

    @Test
    void slowCallsYoungerThanNineTenthsOfTheWindowStillCount() {
        Breaker breaker = fixture.breaker(config.toBuilder().windowDuration(Duration.ofSeconds(10)).build());

        succeed(breaker, SLOW, 1);
        succeed(breaker, FAST, 2);
        fixture.clock.advance(Duration.ofMillis(8_999));
        succeed(breaker, SLOW, 1);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void isSlowFromExactlyTheSlowCallDuration() {
        Breaker breaker = fixture.breaker(config);
        long duration = Duration.ofSeconds(2).toNanos();

        succeed(breaker, duration - 1, 1);
        succeed(breaker, duration, 1);
        succeed(breaker, -1, 1); // unknown: never slow

        assertThat(breaker.snapshot().slowCalls()).isEqualTo(1);
        assertThat(breaker.totalSlowCalls()).isEqualTo(1);
    }

    @Test
    void ignoresLatencyWithoutASlowCallDuration() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().minimumCalls(4).build());

        succeed(breaker, Long.MAX_VALUE, 10);
        fail(breaker, Long.MAX_VALUE, 1);

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.snapshot().slowCalls()).isZero();
        assertThat(breaker.totalSlowCalls()).isZero();
        assertThat(breaker.totalSuccesses()).isEqualTo(10);
    }

    @Test
    void namesTheFailureRuleWhenTheSlowRuleHoldsToo() {
        Breaker breaker = fixture.breaker(config.toBuilder().failureThreshold(2).build());

        succeed(breaker, FAST, 2);
        fail(breaker, SLOW, 2); // 2 failures (count rule) and 2 slow of 4 (slow rule)

        assertThat(fixture.transitions.get(0).reason()).isEqualTo(TransitionReason.FAILURE_COUNT);
    }

    @Test
    void keepsTheLastFailureStatusAsItChanges() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().failureRateThreshold(1.0).minimumCalls(100).build());

        breaker.acquire().onFailure(529);
        breaker.acquire().onFailure(529);
        assertThat(breaker.snapshot().lastFailureStatus()).isEqualTo(529);
        breaker.acquire().onFailure(503);
        assertThat(breaker.snapshot().lastFailureStatus()).isEqualTo(503);
        breaker.acquire().onResult(CallResult.FAILURE); // a timeout: no status, keeps the last one
        breaker.acquire().onFailure(529);
        assertThat(breaker.snapshot().lastFailureStatus()).isEqualTo(529);
    }

    @Test
    void countsTheSlowCallOfAnOlderGenerationInTheTotalsOnly() {
        Breaker breaker = fixture.breaker(config);
        Permit older = breaker.acquire();
        breaker.reset(); // a new closed generation

        older.onResult(CallResult.SUCCESS, SLOW);

        assertThat(breaker.snapshot().calls()).isZero();
        assertThat(breaker.totalSlowCalls()).isEqualTo(1);
        assertThat(breaker.totalSuccesses()).isEqualTo(1);
    }

    private static void succeed(Breaker breaker, long latencyNanos, int times) {
        for (int i = 0; i < times; i++) {
            breaker.acquire().onResult(CallResult.SUCCESS, latencyNanos);
        }
    }

    private static void fail(Breaker breaker, long latencyNanos, int times) {
        for (int i = 0; i < times; i++) {
            breaker.acquire().onResult(CallResult.failure(503, null), latencyNanos);
        }
    }
}
