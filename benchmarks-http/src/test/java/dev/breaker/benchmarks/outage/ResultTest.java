package dev.breaker.benchmarks.outage;

import dev.breaker.core.BreakerState;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResultTest {

    private final Scenario scenario = Scenario.standard(Duration.ZERO); // outage from 10 s, healed at 40 s

    @Test
    void leakCountsOnlyRequestsThatReachedTheUpstreamWhileItFailed() {
        Recorder recorder = new Recorder("test", 1, scenario.buckets(), 0);
        recorder.received(seconds(5), false);          // healthy: not a leak
        for (int i = 0; i < 3; i++) {
            recorder.received(seconds(10.05), false);  // let through before the breaker opened
        }
        recorder.received(seconds(25), true);          // two probes
        recorder.received(seconds(35), true);
        recorder.received(seconds(41), false);         // healed: not a leak

        Result result = Result.of(recorder, scenario);

        assertThat(result.leak()).isEqualTo(5);
        assertThat(result.tripLeak()).isEqualTo(3);
        assertThat(result.probeLeak()).isEqualTo(2);
    }

    @Test
    void falseRejectionsAreTheRejectionsAfterTheHeal() {
        Recorder recorder = new Recorder("test", 1, scenario.buckets(), 0);
        recorder.rejected(seconds(20));                // during the outage: the breaker's job
        for (int i = 0; i < 4; i++) {
            recorder.rejected(seconds(40.5));
        }

        assertThat(Result.of(recorder, scenario).falseRejections()).isEqualTo(4);
    }

    @Test
    void tripsFirstTripAndRecoveryComeFromTheTransitions() {
        Recorder recorder = new Recorder("test", 2, scenario.buckets(), 0);
        recorder.stateChanged(0, seconds(10.2), BreakerState.OPEN);
        recorder.stateChanged(1, seconds(10.4), BreakerState.OPEN);
        recorder.stateChanged(0, seconds(25), BreakerState.HALF_OPEN);
        recorder.stateChanged(0, seconds(25.5), BreakerState.OPEN);
        recorder.stateChanged(0, seconds(41), BreakerState.HALF_OPEN);
        recorder.stateChanged(0, seconds(41.2), BreakerState.CLOSED);
        recorder.stateChanged(1, seconds(42), BreakerState.HALF_OPEN);
        recorder.stateChanged(1, seconds(42.5), BreakerState.CLOSED);

        Result result = Result.of(recorder, scenario);

        assertThat(result.trips()).isEqualTo(3);
        assertThat(result.firstTripSeconds()).isCloseTo(0.2, within(1e-9));
        assertThat(result.recoverySeconds()).as("the last replica closed for good 2.5 s after the heal")
                .isCloseTo(2.5, within(1e-9));
    }

    @Test
    void aReplicaStillOpenAtTheEndHasNoRecoveryTime() {
        Recorder recorder = new Recorder("test", 2, scenario.buckets(), 0);
        recorder.stateChanged(0, seconds(10.2), BreakerState.OPEN);
        recorder.stateChanged(0, seconds(41), BreakerState.CLOSED);
        recorder.stateChanged(1, seconds(10.3), BreakerState.OPEN);

        assertThat(Result.of(recorder, scenario).recoverySeconds()).isNull();
    }

    @Test
    void tripLeakRatioIsLeakBeforeOpeningOverThresholdPlusCallsInFlight() {
        Result result = new Result("test", 1, 12, 9, 3, 4, 1, 0, 1.0, 0.1);

        assertThat(result.tripLeakRatio()).isEqualTo(9.0 / (BreakerSettings.FAILURE_THRESHOLD + 4));
    }

    private static long seconds(double seconds) {
        return Math.round(seconds * 1e9);
    }
}
