package dev.breaker.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.breaker.core.BreakerFixture.fail;
import static org.assertj.core.api.Assertions.assertThat;

class ForcedStatesTest {

    private final BreakerFixture fixture = new BreakerFixture();
    private final BreakerConfig config = BreakerConfig.builder().failureThreshold(2).openDuration(Duration.ofSeconds(5)).build();

    @Test
    void forcedOpenRejectsEveryCallUntilReset() {
        Breaker breaker = fixture.breaker(config);
        breaker.forceOpen();

        fixture.clock.advance(Duration.ofDays(1));

        assertThat(breaker.tryAcquire()).isNull();
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.isForced()).isTrue();
        assertThat(breaker.snapshot().reason()).isEqualTo(TransitionReason.FORCED);
        breaker.reset();
        assertThat(breaker.tryAcquire()).isNotNull();
        assertThat(breaker.isForced()).isFalse();
    }

    @Test
    void forcedClosedAdmitsEveryCallAndNeverTrips() {
        Breaker breaker = fixture.breaker(config);
        breaker.forceClosed();

        fail(breaker, 50);

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.isForced()).isTrue();
        assertThat(breaker.totalFailures()).isEqualTo(50);
        assertThat(breaker.totalTrips()).isZero();
    }

    @Test
    void resetClosesAnOpenBreakerWithAnEmptyWindow() {
        Breaker breaker = fixture.breaker(config);
        fail(breaker, 2);

        breaker.reset();

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        fail(breaker, 1);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(fixture.transitions).extracting(t -> t.reason())
                .containsExactly(TransitionReason.FAILURE_COUNT, TransitionReason.RESET);
    }

    @Test
    void forcingEmitsOneEventNamedForced() {
        Breaker breaker = fixture.breaker(config);
        breaker.forceOpen();
        breaker.forceOpen();

        assertThat(fixture.transitions).singleElement().satisfies(t -> {
            assertThat(t.forced()).isTrue();
            assertThat(t.reason()).isEqualTo(TransitionReason.FORCED);
            assertThat(t.to()).isEqualTo(BreakerState.OPEN);
        });
    }
}
