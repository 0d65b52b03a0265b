package dev.breaker.benchmarks.outage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverResultTest {

    private final Scenario scenario = Scenario.standard(Duration.ZERO); // outage from 10 s, healed at 40 s

    @Test
    void countsOnlyTheCallersWhoAskedDuringTheOutage() {
        FailoverRecorder callers = new FailoverRecorder("test", scenario.buckets());
        callers.ended(seconds(5), true, false, millis(20), false);      // healthy: not counted
        callers.ended(seconds(10.5), true, false, millis(25), true);    // the primary still answered
        callers.ended(seconds(12), true, true, millis(1030), true);     // the fallback answered after a failure
        callers.ended(seconds(20), true, true, millis(22), true);       // the fallback answered at once
        callers.ended(seconds(30), false, false, millis(1000), true);   // no answer
        callers.ended(seconds(41), true, false, millis(20), false);     // healed: not counted

        FailoverResult result = FailoverResult.of(callers, new Recorder("test", 1, scenario.buckets(), 0), scenario);

        assertThat(result.asked()).isEqualTo(4);
        assertThat(result.answered()).isEqualTo(3);
        assertThat(result.byFallback()).isEqualTo(2);
        assertThat(result.answeredShare()).isEqualTo(0.75);
        assertThat(result.medianMillis()).isEqualTo(25);
        assertThat(result.p99Millis()).isEqualTo(1030);
    }

    @Test
    void primaryRequestsAreTheOnesThatReachedItWhileItFailed() {
        Recorder primary = new Recorder("test", 1, scenario.buckets(), 0);
        primary.received(seconds(5), false);
        primary.received(seconds(10.1), false);
        primary.received(seconds(25), true);
        primary.received(seconds(40.5), true);

        FailoverResult result = FailoverResult.of(new FailoverRecorder("test", scenario.buckets()), primary, scenario);

        assertThat(result.primaryRequests()).isEqualTo(2);
        assertThat(result.answeredShare()).as("nobody asked").isNaN();
        assertThat(result.medianMillis()).isNaN();
    }

    @Test
    void percentilesAreNearestRank() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }

        assertThat(FailoverResult.percentile(hundred, 0.5)).isEqualTo(50);
        assertThat(FailoverResult.percentile(hundred, 0.99)).isEqualTo(99);
        assertThat(FailoverResult.percentile(new long[] {7}, 0.99)).isEqualTo(7);
        assertThat(FailoverResult.percentile(new long[0], 0.5)).isNaN();
    }

    @Test
    void callsAskedOutsideTheRunAreLeftOut() {
        FailoverRecorder callers = new FailoverRecorder("test", scenario.buckets());
        callers.ended(-seconds(1), true, false, millis(20), false);     // warm-up
        callers.ended(scenario.end() + seconds(1), false, false, 0, false);

        assertThat(callers.outageAnswerNanos()).isEmpty();
        assertThat(FailoverResult.of(callers, new Recorder("test", 1, scenario.buckets(), 0), scenario).asked()).isZero();
    }

    @Test
    void theTableShowsTheShareAndADashWhereThereIsNoAnswer() {
        String table = FailoverSummary.table("0.5", scenario, List.of(
                new FailoverResult("with", 6000, 5991, 5800, 40, 22.4, 1012.7),
                new FailoverResult("without", 6000, 0, 0, 55, Double.NaN, Double.NaN)));

        assertThat(table).contains("| with | 6000 | 5991 | 99.9 % | 5800 | 22 ms | 1013 ms | 40 |")
                .contains("| without | 6000 | 0 | 0.0 % | 0 | – | – | 55 |")
                .contains("Callers asked during the outage (30 s, from its start to the heal)");
    }

    private static long seconds(double seconds) {
        return (long) (seconds * 1e9);
    }

    private static long millis(long millis) {
        return millis * 1_000_000L;
    }
}
