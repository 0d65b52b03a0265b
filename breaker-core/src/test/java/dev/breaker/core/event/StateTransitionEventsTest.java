package dev.breaker.core.event;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerState;
import dev.breaker.core.CallResult;
import dev.breaker.core.StateTransition;
import dev.breaker.core.TransitionReason;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StateTransitionEventsTest {

    private final ManualClock clock = new ManualClock();
    private final BreakerRegistry registry = BreakerRegistry.builder().clock(clock)
            .provider("anthropic", BreakerConfig.builder().failureThreshold(2).openDuration(Duration.ofSeconds(10))
                    .halfOpenMaxCalls(1).build())
            .build();

    @Test
    void aTripSaysWhichRuleWhichStatusAndForHowLong() {
        List<StateTransition> heard = new ArrayList<>();
        registry.addListener(heard::add);
        Breaker breaker = registry.breaker("anthropic", "/v1/messages");

        breaker.acquire().onFailure(503);
        breaker.acquire().onResult(CallResult.failure(529, Duration.ofSeconds(20)));

        assertThat(heard).singleElement().satisfies(open -> {
            assertThat(open.id().provider()).isEqualTo("anthropic");
            assertThat(open.id().key()).isEqualTo("/v1/messages");
            assertThat(open.from()).isEqualTo(BreakerState.CLOSED);
            assertThat(open.to()).isEqualTo(BreakerState.OPEN);
            assertThat(open.reason()).isEqualTo(TransitionReason.FAILURE_COUNT);
            assertThat(open.status()).isEqualTo(529);
            assertThat(open.openFor()).isEqualTo(Duration.ofSeconds(20));
            assertThat(open.counts().failures()).isEqualTo(2);
            assertThat(open.at()).isEqualTo(clock.instant());
            assertThat(open.toString()).contains("provider=anthropic", "key=/v1/messages", "CLOSED -> OPEN",
                    "reason=failure-count", "status=529", "retryAfter=20000ms");
        });
    }

    @Test
    void aFailingListenerNeitherStopsTheOthersNorTheBreaker() {
        List<StateTransition> heard = new ArrayList<>();
        registry.addListener(transition -> {
            throw new IllegalStateException("listener bug");
        });
        registry.addListener(heard::add);
        Breaker breaker = registry.breaker("anthropic", "/v1/messages");

        breaker.acquire().onFailure(503);
        breaker.acquire().onFailure(503);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(heard).hasSize(1);
    }

    @Test
    void everyTransitionOfTheCycleIsHeardOnceWithItsReason() {
        List<StateTransition> heard = new ArrayList<>();
        registry.addListener(heard::add);
        Breaker breaker = registry.breaker("anthropic", "*");

        breaker.acquire().onFailure(503);
        breaker.acquire().onFailure(503);
        clock.advance(Duration.ofSeconds(10));
        breaker.acquire().onSuccess();

        assertThat(heard).extracting(StateTransition::reason).containsExactly(
                TransitionReason.FAILURE_COUNT, TransitionReason.OPEN_PERIOD_ELAPSED, TransitionReason.PROBES_SUCCEEDED);
    }
}
