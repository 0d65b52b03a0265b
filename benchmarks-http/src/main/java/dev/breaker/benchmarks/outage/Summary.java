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
        md.append("| contender | leak: requests to the failing upstream | of which before opening | of which probes "
                + "| calls in flight at first trip | trips | first trip after | false rejections after heal "
                + "| closed again after heal |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %s | %d | %s |%n",
                    r.label(), r.leak(), r.tripLeak(), r.probeLeak(), r.inFlightAtTrip(), r.trips(),
                    r.firstTripSeconds() == null ? "never" : String.format(Locale.ROOT, "%.3f s", r.firstTripSeconds()),
                    r.falseRejections(),
                    r.recoverySeconds() == null ? "not by the end" : String.format(Locale.ROOT, "%.2f s", r.recoverySeconds())));
        }
        return md.toString();
    }
}
