package dev.breaker.benchmarks.outage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealSweepTest {

    @Test
    void aRunWhoseBreakerOpenedBeforeTheOutageIsMarkedAndLeftOutOfTheMeans() {
        Map<Duration, List<Result>> runs = new LinkedHashMap<>();
        runs.put(Duration.ZERO, List.of(result(900, 40, -2.0)));       // stalled: opened 2 s early
        runs.put(Duration.ofSeconds(1), List.of(result(100, 20, 0.05)));
        runs.put(Duration.ofSeconds(2), List.of(result(300, 30, 0.05)));

        String table = HealSweep.table("1 replica", runs);

        assertThat(table).contains("| ours | 900 † | 100 | 300 | 200 | 300 | 25.0 |");
        assertThat(table).contains("left out of the means");
    }

    @Test
    void everyValidRunCountsTowardsTheMeans() {
        Map<Duration, List<Result>> runs = new LinkedHashMap<>();
        runs.put(Duration.ZERO, List.of(result(100, 20, 0.05)));
        runs.put(Duration.ofSeconds(1), List.of(result(500, 30, 0.05)));

        String table = HealSweep.table("1 replica", runs);

        assertThat(table).contains("| ours | 100 | 500 | 300 | 500 | 25.0 |");
        assertThat(table).doesNotContain("†");
    }

    private static Result result(int falseRejections, int leak, double firstTrip) {
        return new Result("ours", 1, leak, leak / 2, leak - leak / 2, 5, 3, falseRejections, 2.0, firstTrip);
    }
}
