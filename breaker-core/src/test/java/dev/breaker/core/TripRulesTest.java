package dev.breaker.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.breaker.core.BreakerFixture.fail;
import static dev.breaker.core.BreakerFixture.succeed;
import static org.assertj.core.api.Assertions.assertThat;

class TripRulesTest {

    private final BreakerFixture fixture = new BreakerFixture();

    @Test
    void opensAtTheFailureThresholdAndNotOneBefore() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().failureThreshold(5).failureRateThreshold(1.0)
                .minimumCalls(100).build());

        fail(breaker, 4);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        fail(breaker, 1);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(fixture.transitions.get(0).reason()).isEqualTo(TransitionReason.FAILURE_COUNT);
        assertThat(fixture.transitions.get(0).status()).isEqualTo(503);
    }

    @Test
    void tripsAtExactlyNinetyFiveOfTheLastHundredCallsAndNotAtNinetyFour() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().failureRateThreshold(0.95).minimumCalls(100)
                .windowSize(100).windowDuration(Duration.ofMinutes(1)).build());

        succeed(breaker, 6);
        fail(breaker, 94);
        assertThat(breaker.snapshot().failures()).isEqualTo(94);
        assertThat(breaker.snapshot().calls()).isEqualTo(100);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);

        fail(breaker, 1); // pushes out the oldest success: 95 of the last 100

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(fixture.transitions.get(0).reason()).isEqualTo(TransitionReason.FAILURE_RATE);
        assertThat(fixture.transitions.get(0).counts().failures()).isEqualTo(95);
    }

    @Test
    void judgesTheRateOnlyOverTheLastWindowSizeCallsWhateverCameBefore() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().failureRateThreshold(0.95).minimumCalls(100)
                .windowSize(100).build());

        fail(breaker, 50);
        succeed(breaker, 100); // the 50 failures are pushed out
        fail(breaker, 94);

        assertThat(breaker.snapshot().failures()).isEqualTo(94);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void successesCountedBeforeTheFirstFailureStillDiluteTheRate() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().failureRateThreshold(0.5).minimumCalls(10).build());

        succeed(breaker, 90);
        fail(breaker, 10);

        assertThat(breaker.snapshot().calls()).isEqualTo(100);
        assertThat(breaker.snapshot().failures()).isEqualTo(10);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void waitsForMinimumCallsBeforeTheRateRuleApplies() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().failureRateThreshold(0.5).minimumCalls(10).build());

        fail(breaker, 9);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        fail(breaker, 1);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void callsOlderThanTheWindowNoLongerCount() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().failureThreshold(3).windowDuration(Duration.ofSeconds(10))
                .minimumCalls(50).build());

        fail(breaker, 2);
        fixture.clock.advance(Duration.ofSeconds(10));
        fail(breaker, 2);

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.snapshot().failures()).isEqualTo(2);
    }

    @Test
    void callsYoungerThanNineTenthsOfTheWindowStillCount() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().failureThreshold(3).windowDuration(Duration.ofSeconds(10))
                .minimumCalls(50).build());

        fail(breaker, 2);
        fixture.clock.advance(Duration.ofMillis(8_999));
        fail(breaker, 1);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void successesOlderThanTheWindowNoLongerDiluteTheRate() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().failureRateThreshold(0.5).minimumCalls(4)
                .windowDuration(Duration.ofSeconds(10)).build());

        succeed(breaker, 50);
        fixture.clock.advance(Duration.ofSeconds(11));
        fail(breaker, 4);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(fixture.transitions.get(0).counts().calls()).isEqualTo(4);
    }

    @Test
    void ignoredCallsCountForNothing() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().failureRateThreshold(0.5).minimumCalls(4).build());

        for (int i = 0; i < 20; i++) {
            breaker.acquire().onIgnored();
        }
        fail(breaker, 3);

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.snapshot().calls()).isEqualTo(3);
        assertThat(breaker.totalIgnored()).isEqualTo(20);
    }

    @Test
    void returnsToCountingSuccessesCheaplyOnceTheLastFailureLeftTheWindow() {
        Breaker breaker = fixture.breaker(BreakerConfig.builder().failureThreshold(2).windowSize(5).minimumCalls(5).build());

        fail(breaker, 1);
        succeed(breaker, 5);
        assertThat(breaker.snapshot().failures()).isZero();
        assertThat(breaker.snapshot().calls()).isEqualTo(5);

        fail(breaker, 1);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        fail(breaker, 1);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }
}
