package dev.breaker.core.clock;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerId;
import dev.breaker.core.store.InMemoryStateStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerStepTest {

    /** The window judges ages per tenth of window-duration: its clock must not step more coarsely. */
    @Test
    void aBreakerAsksItsClockForStepsOfATenthOfItsWindow() {
        List<Duration> asked = new ArrayList<>();
        BreakerClock clock = new BreakerClock() {
            @Override
            public long nanoTime() {
                return 0;
            }

            @Override
            public long wallMillis() {
                return 0;
            }

            @Override
            public void requireStep(Duration step) {
                asked.add(step);
            }
        };

        new Breaker(new BreakerId("p", "k"), BreakerConfig.builder().windowDuration(Duration.ofMillis(50)).build(), clock,
                transition -> { }, InMemoryStateStore.INSTANCE);

        assertThat(asked).containsExactly(Duration.ofMillis(5));
    }
}
