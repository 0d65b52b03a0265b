package dev.breaker.benchmarks.outage;

import java.util.List;
import java.util.Locale;

/** The Markdown table of the failover run. */
final class FailoverSummary {

    private FailoverSummary() {
    }

    static String table(String load, Scenario scenario, List<FailoverResult> results) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### Failover: keep answering (1 replica, load average before the run: %s)%n%n",
                load));
        md.append(String.format(Locale.ROOT, "The same outage of the primary upstream, %d calls/s; a second, healthy upstream "
                + "is the fallback. Callers asked during the outage (%.0f s, from its start to the heal):%n%n",
                scenario.callsPerSecond(), (scenario.healedAt() - scenario.outageStart()) / 1e9));
        md.append("| contender | asked | answered | share answered | by the fallback | time to answer: median | p99 "
                + "| requests to the failing primary |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (FailoverResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %s | %s | %d |%n", r.label(), r.asked(),
                    r.answered(), percent(r.answeredShare()), r.byFallback(), millis(r.medianMillis()),
                    millis(r.p99Millis()), r.primaryRequests()));
        }
        return md.toString();
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String millis(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.0f ms", millis);
    }
}
