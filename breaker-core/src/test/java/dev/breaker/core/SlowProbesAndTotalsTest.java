package dev.breaker.core;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Slow calls outside the closed window: half-open probes, forced states, calls on a key without a breaker. */
class SlowProbesAndTotalsTest {

    private static final Duration OPEN = Duration.ofSeconds(5);
    private static final long SLOW = Duration.ofSeconds(3).toNanos();
    private static final long FAST = Duration.ofMillis(200).toNanos();

    private final BreakerFixture fixture = new BreakerFixture();
    private final BreakerConfig config = BreakerConfig.builder().slowCallDuration(Duration.ofSeconds(2))
            .failureThreshold(1).openDuration(OPEN).halfOpenMaxCalls(1).halfOpenSuccessesToClose(1).build();

    private Breaker halfOpen(BreakerConfig config) {
        Breaker breaker = fixture.breaker(config);
        breaker.acquire().onFailure(529);
        fixture.clock.advance(config.openDuration());
        return breaker;
    }

    @Test
    void aSlowProbeIsAFailedProbe() {
        Breaker breaker = halfOpen(config);
        Permit probe = breaker.acquire();
        assertThat(probe.isProbe()).isTrue();

        probe.onResult(CallResult.SUCCESS, SLOW);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        StateTransition reopened = fixture.transitions.get(fixture.transitions.size() - 1);
        assertThat(reopened.reason()).isEqualTo(TransitionReason.PROBE_FAILED);
        assertThat(reopened.status()).isZero();
        assertThat(breaker.totalTrips()).isEqualTo(2);
        assertThat(breaker.totalSuccesses()).as("still a success, in the totals").isEqualTo(1);
        assertThat(breaker.totalSlowCalls()).isEqualTo(1);
        assertThat(breaker.probesInFlight()).isZero();
    }

    @Test
    void aSlowProbeBacksOffLikeAnyFailedProbe() {
        Breaker breaker = halfOpen(config.toBuilder().backoffMultiplier(2).maxOpenDuration(Duration.ofMinutes(1)).build());

        breaker.acquire().onResult(CallResult.SUCCESS, SLOW);

        assertThat(breaker.retryAfter()).isEqualTo(OPEN.multipliedBy(2));
    }

    @Test
    void aSlowFailedProbeCountsOnceAsAFailureAndOnceAsSlow() {
        Breaker breaker = halfOpen(config);

        breaker.acquire().onResult(CallResult.failure(503, Duration.ofSeconds(20)), SLOW);

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.retryAfter()).as("its Retry-After still counts").isEqualTo(Duration.ofSeconds(20));
        assertThat(breaker.totalFailures()).isEqualTo(2);
        assertThat(breaker.totalSlowCalls()).isEqualTo(1);
    }

    @Test
    void aQuickProbeClosesAsUsual() {
        Breaker breaker = halfOpen(config);

        breaker.acquire().onResult(CallResult.SUCCESS, FAST);

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalSlowCalls()).isZero();
    }

    /**
     * A door reports a streamed probe at its first content, then lets the stream run on: the early
     * report closes the breaker and frees the slot at once; what the stream does later (an error
     * event, the end, the permit's release) is a second report of the same probe and changes nothing.
     */
    @Test
    void aStreamedProbeReportedAtItsFirstContentClosesAtOnce() {
        Breaker breaker = halfOpen(config);
        Permit probe = breaker.acquire();
        assertThat(breaker.tryAcquire()).as("while the only probe waits for its first content").isNull();

        probe.onResult(CallResult.SUCCESS, FAST); // first content, the generation runs on

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.tryAcquire()).isNotNull();
        probe.onResult(CallResult.failure(529, null), SLOW); // an overload event later in the same stream
        probe.release();
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalFailures()).isEqualTo(1);
        assertThat(breaker.totalSlowCalls()).isZero();
        assertThat(breaker.totalTrips()).isEqualTo(1);
    }

    @Test
    void aStreamedProbeWhoseFirstContentComesLateReopens() {
        Breaker breaker = halfOpen(config);
        Permit probe = breaker.acquire();

        probe.onResult(CallResult.SUCCESS, SLOW);
        probe.release();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(fixture.transitions.get(fixture.transitions.size() - 1).reason())
                .isEqualTo(TransitionReason.PROBE_FAILED);
    }

    @Test
    void anIgnoredProbeIsNeverSlowAndFreesItsSlot() {
        Breaker breaker = halfOpen(config);

        breaker.acquire().onResult(CallResult.IGNORED, SLOW);

        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.probesInFlight()).isZero();
        assertThat(breaker.totalSlowCalls()).isZero();
    }

    @Test
    void forcedStatesCountSlowCallsInTheTotalsAndNeverTrip() {
        Breaker breaker = fixture.breaker(config.toBuilder().failureThreshold(0).minimumCalls(1).build());
        breaker.forceClosed();

        breaker.acquire().onResult(CallResult.SUCCESS, SLOW);
        breaker.acquire().onResult(CallResult.failure(503, null), SLOW);
        breaker.acquire().onResult(CallResult.IGNORED, SLOW);
        breaker.acquire().onResult(CallResult.SUCCESS, FAST);

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.isForced()).isTrue();
        assertThat(breaker.totalSlowCalls()).isEqualTo(2);
        assertThat(breaker.totalTrips()).isZero();
    }

    @Test
    void theFirstCallOnAKeyWithoutABreakerCountsAsSlowInTheBreakerItCreates() {
        BreakerRegistry registry = BreakerRegistry.builder().clock(fixture.clock)
                .provider("anthropic", BreakerConfig.builder().slowCallDuration(Duration.ofSeconds(2)).minimumCalls(1)
                        .build()).build();
        ProviderBreakers anthropic = registry.provider("anthropic");

        anthropic.acquire("/v1/messages").onResult(CallResult.SUCCESS, SLOW);

        Breaker breaker = anthropic.find("/v1/messages");
        assertThat(breaker.totalSlowCalls()).isEqualTo(1);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.snapshot().reason()).isEqualTo(TransitionReason.SLOW_CALL_RATE);
    }
}
