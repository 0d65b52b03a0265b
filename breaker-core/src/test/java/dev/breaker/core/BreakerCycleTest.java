package dev.breaker.core;

import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.store.InMemoryStateStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreakerCycleTest {

    private final ManualClock clock = new ManualClock();
    private final List<StateTransition> transitions = new ArrayList<>();

    private Breaker breaker(BreakerConfig config) {
        return new Breaker(new BreakerId("anthropic", "/v1/messages"), config, clock, transitions::add,
                InMemoryStateStore.INSTANCE);
    }

    @Test
    void goesThroughTheWholeCycleClosedOpenHalfOpenOpenHalfOpenClosed() {
        Breaker breaker = breaker(BreakerConfig.builder().failureThreshold(3).openDuration(Duration.ofSeconds(30))
                .halfOpenMaxCalls(2).build());

        for (int i = 0; i < 3; i++) {
            breaker.acquire().onFailure(529);
        }
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThatThrownBy(breaker::acquire).isInstanceOf(BreakerOpenException.class);

        clock.advance(Duration.ofSeconds(30));
        Permit probe = breaker.acquire();
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        probe.onFailure(503);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);

        clock.advance(Duration.ofSeconds(30));
        breaker.acquire().onSuccess();
        breaker.acquire().onSuccess();
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);

        assertThat(transitions).extracting(StateTransition::to).containsExactly(
                BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);
        assertThat(breaker.totalTrips()).isEqualTo(2);
        assertThat(breaker.totalRejections()).isEqualTo(1);
    }
}
