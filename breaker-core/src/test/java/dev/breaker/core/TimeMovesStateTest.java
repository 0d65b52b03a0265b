package dev.breaker.core;

import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.store.InMemoryStateStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Once an open period is over the breaker is ready to probe, whether or not a call has come since. */
class TimeMovesStateTest {

    private final ManualClock clock = new ManualClock();
    private final List<StateTransition> transitions = new ArrayList<>();
    private final Breaker breaker = new Breaker(new BreakerId("anthropic", "/v1/messages"),
            BreakerConfig.builder().failureThreshold(1).openDuration(Duration.ofSeconds(45)).build(),
            clock, transitions::add, InMemoryStateStore.INSTANCE);

    @Test
    void anOpenBreakerNobodyCallsIsHalfOpenOnceItsOpenPeriodIsOver() {
        breaker.acquire().onFailure(529);
        clock.advance(Duration.ofSeconds(44));
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);

        clock.advance(Duration.ofMinutes(37));

        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.snapshot().state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.snapshot().retryAfter()).isNull();
        assertThat(breaker.totalRejections()).as("no call was made").isZero();
        assertThat(transitions).extracting(StateTransition::to, StateTransition::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BreakerState.OPEN, TransitionReason.FAILURE_COUNT),
                org.assertj.core.groups.Tuple.tuple(BreakerState.HALF_OPEN, TransitionReason.OPEN_PERIOD_ELAPSED));
    }

    @Test
    void everyReadSeesTheSameMomentTheOpenPeriodEnds() {
        breaker.acquire().onFailure(529);
        clock.advance(Duration.ofSeconds(45));

        assertThat(breaker.snapshot().state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.retryAfter()).as("probes are free: a rejected caller may retry soon")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(breaker.probesInFlight()).isZero();
        assertThat(transitions).hasSize(2);
    }

    @Test
    void theFirstCallAfterTheOpenPeriodIsAProbeWhetherOrNotTheStateWasReadBefore() {
        breaker.acquire().onFailure(529);
        clock.advance(Duration.ofSeconds(45));
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);

        Permit probe = breaker.tryAcquire();

        assertThat(probe).isNotNull();
        assertThat(breaker.probesInFlight()).isEqualTo(1);
        probe.onSuccess();
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN).as("3 probes close by default");
    }

    @Test
    void aForcedOpenBreakerStaysOpenAsLongAsItIsForced() {
        breaker.forceOpen();

        clock.advance(Duration.ofHours(1));

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.isForced()).isTrue();
    }
}
