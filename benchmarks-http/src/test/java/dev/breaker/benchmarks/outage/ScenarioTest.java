package dev.breaker.benchmarks.outage;

import dev.breaker.benchmarks.outage.Scenario.Phase;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theStandardOutageRateLimitsOverloadsHangsThenHeals() {
        Scenario scenario = Scenario.standard(Duration.ZERO);

        assertThat(scenario.phaseAt(10 * SECOND - 1)).isEqualTo(Phase.HEALTHY);
        assertThat(scenario.phaseAt(10 * SECOND)).isEqualTo(Phase.RATE_LIMITED);
        assertThat(scenario.phaseAt(20 * SECOND)).isEqualTo(Phase.OVERLOADED);
        assertThat(scenario.phaseAt(30 * SECOND)).isEqualTo(Phase.TIMEOUTS);
        assertThat(scenario.phaseAt(40 * SECOND - 1)).isEqualTo(Phase.TIMEOUTS);
        assertThat(scenario.phaseAt(40 * SECOND)).isEqualTo(Phase.HEALED);
        assertThat(scenario.end()).isEqualTo(60 * SECOND);
    }

    @Test
    void healingLaterLengthensOnlyTheTimeOutPhase() {
        Scenario scenario = Scenario.standard(Duration.ofSeconds(2));

        assertThat(scenario.start(Phase.TIMEOUTS)).isEqualTo(30 * SECOND);
        assertThat(scenario.healedAt()).isEqualTo(42 * SECOND);
        assertThat(scenario.end()).isEqualTo(62 * SECOND);
    }

    @Test
    void theSweepsRunsEndTenSecondsAfterTheHeal() {
        Scenario scenario = Scenario.sweep(Duration.ofSeconds(3));

        assertThat(scenario.healedAt()).isEqualTo(43 * SECOND);
        assertThat(scenario.end()).isEqualTo(53 * SECOND);
        assertThat(scenario.callsPerSecond()).isEqualTo(Scenario.standard(Duration.ZERO).callsPerSecond());
    }
}
