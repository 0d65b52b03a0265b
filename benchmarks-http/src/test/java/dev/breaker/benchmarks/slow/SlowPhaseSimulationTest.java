package dev.breaker.benchmarks.slow;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlowPhaseSimulationTest {

    private final List<SlowResult> results = SlowPhaseSimulation.run(SlowPhase.standard(), 42);
    private final SlowResult ours = results.get(0);
    private final SlowResult sameThreshold = results.get(1);
    private final SlowResult aboveLongestCall = results.get(2);

    @Test
    void oursOpensEarlyInTheSlowPhaseAndNeverWhileTheProviderIsHealthy() {
        assertThat(ours.healthyRefused()).isZero();
        assertThat(ours.opensWhileHealthy()).isZero();
        assertThat(ours.openedAfterMillis()).isBetween(0L, 30_000L);
        assertThat(ours.ttftAtOpen()).isGreaterThanOrEqualTo(SlowPhaseSimulation.SLOW.toMillis());
    }

    @Test
    void timingTheWholeCallWithTheSameThresholdOpensWhileTheProviderIsHealthy() {
        assertThat(sameThreshold.opensWhileHealthy()).isPositive();
        assertThat(sameThreshold.healthyRefused()).isPositive();
    }

    @Test
    void timingTheWholeCallAboveTheLongestHealthyCallOpensLaterAndLetsMoreSlowCallsIn() {
        assertThat(aboveLongestCall.healthyRefused()).isZero();
        assertThat(aboveLongestCall.openedAfterMillis()).isGreaterThan(ours.openedAfterMillis());
        assertThat(aboveLongestCall.admittedSlow()).isGreaterThan(ours.admittedSlow());
    }

    @Test
    void repeatsExactlyForASeed() {
        assertThat(SlowPhaseSimulation.run(SlowPhase.standard(), 42)).isEqualTo(results);
    }

    @Test
    void firstTokenTimesClimbThroughTheSlowPhaseOnly() {
        SlowPhase phase = SlowPhase.standard();
        assertThat(phase.ttft(0)).isEqualTo(300);
        assertThat(phase.ttft(phase.slowStart() + phase.slowMillis() / 2)).isEqualTo(300 + (8_000 - 300) / 2);
        assertThat(phase.ttft(phase.slowEnd())).isEqualTo(300);
    }
}
