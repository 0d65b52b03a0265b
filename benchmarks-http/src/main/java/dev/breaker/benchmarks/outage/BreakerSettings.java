package dev.breaker.benchmarks.outage;

import java.time.Duration;
import java.util.Set;

/**
 * The one breaker configuration every contender gets, in each library's own terms: open after 5
 * failures among the last 100 calls, stay open 5 s, then let 3 probes through; 3 successful probes
 * close it. 429, 503, 504, 529, time-outs and connection failures are failures.
 */
final class BreakerSettings {

    static final Set<Integer> FAILURE_STATUSES = Set.of(429, 503, 504, 529);
    static final int FAILURE_THRESHOLD = 5;
    static final int WINDOW_SIZE = 100;
    static final Duration WINDOW_DURATION = Duration.ofSeconds(10);
    static final Duration OPEN_DURATION = Duration.ofSeconds(5);
    static final int HALF_OPEN_CALLS = 3;

    private BreakerSettings() {
    }
}
