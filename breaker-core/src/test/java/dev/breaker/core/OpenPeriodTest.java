package dev.breaker.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.breaker.core.BreakerFixture.fail;
import static org.assertj.core.api.Assertions.assertThat;

class OpenPeriodTest {

    private final BreakerFixture fixture = new BreakerFixture();

    private final BreakerConfig config = BreakerConfig.builder().failureThreshold(1).openDuration(Duration.ofSeconds(10))
            .backoffMultiplier(2.0).maxOpenDuration(Duration.ofSeconds(35)).halfOpenMaxCalls(1).build();

    @Test
    void staysOpenForTheOpenDurationAndProbesRightAfter() {
        Breaker breaker = fixture.breaker(config);
        fail(breaker, 1);

        fixture.clock.advance(Duration.ofMillis(9_999));
        assertThat(breaker.tryAcquire()).isNull();
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofMillis(1));
        fixture.clock.advance(Duration.ofMillis(1));

        assertThat(breaker.tryAcquire()).isNotNull();
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
    }

    @Test
    void multipliesTheOpenPeriodForEveryConsecutiveTripUpToTheMaximum() {
        Breaker breaker = fixture.breaker(config);
        fail(breaker, 1);
        for (int trip = 2; trip <= 4; trip++) {
            Duration open = fixture.transitions.get(fixture.transitions.size() - 1).openFor();
            fixture.clock.advance(open);
            breaker.acquire().onFailure(529);
        }

        assertThat(fixture.transitions).filteredOn(t -> t.to() == BreakerState.OPEN)
                .extracting(t -> t.openFor().toSeconds()).containsExactly(10L, 20L, 35L, 35L);
    }

    @Test
    void startsAgainFromTheOpenDurationAfterAFullRecovery() {
        Breaker breaker = fixture.breaker(config);
        fail(breaker, 1);
        fixture.clock.advance(Duration.ofSeconds(10));
        breaker.acquire().onFailure(503);
        fixture.clock.advance(Duration.ofSeconds(20));
        breaker.acquire().onSuccess();
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);

        fail(breaker, 1);

        assertThat(fixture.transitions.get(fixture.transitions.size() - 1).openFor()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void honoursALongerRetryAfterButNeverBeyondTheMaximum() {
        Breaker breaker = fixture.breaker(config);
        breaker.acquire().onResult(CallResult.failure(429, Duration.ofSeconds(25)));
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(25));

        breaker.reset();
        breaker.acquire().onResult(CallResult.failure(429, Duration.ofHours(2)));
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void aShorterRetryAfterDoesNotShortenTheOpenPeriod() {
        Breaker breaker = fixture.breaker(config);
        breaker.acquire().onResult(CallResult.failure(429, Duration.ofSeconds(2)));

        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void ignoresRetryAfterWhenTold() {
        Breaker breaker = fixture.breaker(config.toBuilder().honorRetryAfter(false).build());
        breaker.acquire().onResult(CallResult.failure(429, Duration.ofSeconds(25)));

        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aQuotaErrorOpensAtOnceForItsResetTime() {
        Breaker breaker = fixture.breaker(config.toBuilder().failureThreshold(0).minimumCalls(10).build());
        breaker.acquire().onResult(CallResult.quotaExhausted(429, Duration.ofSeconds(30)));

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fixture.transitions.get(0).reason()).isEqualTo(TransitionReason.QUOTA);
    }

    @Test
    void aQuotaErrorWithoutResetTimeOpensForTheMaximum() {
        Breaker breaker = fixture.breaker(config.toBuilder().failureThreshold(0).minimumCalls(10).build());
        breaker.acquire().onResult(CallResult.quotaExhausted(429, null));

        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void aQuotaErrorIsAnOrdinaryFailureWhenQuotaErrorsAreOff() {
        Breaker breaker = fixture.breaker(config.toBuilder().failureThreshold(0).minimumCalls(10).quotaErrors(false).build());
        breaker.acquire().onResult(CallResult.quotaExhausted(429, null));

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void jitterAddsUpToItsFractionOfTheOpenPeriodAndSpreadsBreakersApart() {
        BreakerConfig jittered = BreakerConfig.builder().failureThreshold(1).openDuration(Duration.ofSeconds(10))
                .openJitter(0.5).build();
        java.util.Set<Long> periods = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            BreakerFixture each = new BreakerFixture();
            Breaker breaker = each.breaker(jittered);
            fail(breaker, 1);
            Duration open = each.transitions.get(0).openFor();
            assertThat(open).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(15));
            periods.add(open.toMillis());
        }
        assertThat(periods).hasSizeGreaterThan(100);
    }
}
