package dev.breaker.benchmarks.outage;

import java.util.List;
import java.util.Locale;

/** The Markdown table of one setup's results. */
final class Summary {

    private Summary() {
    }

    static String table(String setup, String load, Scenario scenario, List<Result> results) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### %s (load average before the run: %s)%n%n", setup, load));
        md.append("| contender | leak: requests that reached the failing upstream | before opening "
                + "| threshold + calls in flight at the 5th failure | before opening ÷ that | half-open probes "
                + "| trips | first trip after | false rejections after the heal | closed again after the heal |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %d | %d | %s | %d | %s |%n",
                    r.label(), r.leak(), r.tripLeak(), BreakerSettings.FAILURE_THRESHOLD + r.inFlightAtThreshold(),
                    r.tripLeakRatio(), r.probeLeak(), r.trips(),
                    r.firstTripSeconds() == null ? "never" : String.format(Locale.ROOT, "%.3f s", r.firstTripSeconds()),
                    r.falseRejections(),
                    r.recoverySeconds() == null ? "not by the end" : String.format(Locale.ROOT, "%.2f s", r.recoverySeconds())));
        }
        for (Result r : results) {
            if (r.firstTripSeconds() != null && r.firstTripSeconds() < 0) {
                md.append(String.format(Locale.ROOT, "%n**Not valid for %s**: a breaker opened %.1f s before the outage, "
                        + "so calls failed (timed out) while the upstream was healthy: the machine stalled the callers.%n",
                        r.label(), -r.firstTripSeconds()));
            }
        }
        long openNanos = BreakerSettings.OPEN_DURATION.toNanos() + scenario.clientTimeout().toNanos();
        md.append(String.format(Locale.ROOT, "%nProbe-schedule bound: a breaker that opened just before the heal rejects for at "
                        + "most open-duration + one probe time-out = %.0f s, %d calls at %d calls/s.%n",
                openNanos / 1e9, openNanos * scenario.callsPerSecond() / 1_000_000_000L, scenario.callsPerSecond()));
        return md.toString();
    }
}
