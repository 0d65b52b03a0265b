package dev.breaker.benchmarks.outage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown table of one setup's heal sweep: the same outage, healing at several points of the
 * breakers' probe cycle, and what each contender did after the heal at each point. A run in which a
 * breaker opened before the outage (the machine stalled the callers) is marked and left out of
 * the means.
 */
final class HealSweep {

    private HealSweep() {
    }

    /** {@code runs}: per heal delay, one result per contender, in the same order every time. */
    static String table(String setup, Map<Duration, List<Result>> runs) {
        List<Duration> delays = new ArrayList<>(runs.keySet());
        List<List<Result>> columns = new ArrayList<>(runs.values());
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "#### %s: the heal moved through the probe cycle%n%nFalse rejections after the heal, per run; then means over the runs.%n%n",
                setup));
        md.append("| contender |");
        delays.forEach(delay -> md.append(String.format(Locale.ROOT, " heal +%d s |", delay.toSeconds())));
        md.append(" false rejections: mean | worst | leak: mean | leak before opening ÷ threshold + in flight: mean (worst) "
                + "| mean time to close again |\n|---|");
        md.append("---:|".repeat(delays.size() + 5)).append('\n');
        boolean anyStalled = false;
        for (int contender = 0; contender < columns.get(0).size(); contender++) {
            List<Result> valid = new ArrayList<>();
            md.append("| ").append(columns.get(0).get(contender).label()).append(" |");
            for (List<Result> column : columns) {
                Result result = column.get(contender);
                boolean stalled = stalled(result);
                anyStalled |= stalled;
                if (!stalled) {
                    valid.add(result);
                }
                md.append(' ').append(result.falseRejections()).append(stalled ? " †" : "").append(" |");
            }
            md.append(String.format(Locale.ROOT, " %.0f | %d | %.1f | %.2f (%.2f) | %s |%n",
                    mean(valid, Result::falseRejections),
                    valid.stream().mapToInt(Result::falseRejections).max().orElse(0),
                    mean(valid, Result::leak),
                    mean(valid, Result::tripLeakRatio),
                    valid.stream().mapToDouble(Result::tripLeakRatio).max().orElse(Double.NaN),
                    valid.stream().anyMatch(r -> r.recoverySeconds() == null) ? "not always by the end"
                            : String.format(Locale.ROOT, "%.2f s", mean(valid, Result::recoverySeconds))));
        }
        if (anyStalled) {
            md.append("\n† a breaker opened before the outage (the machine stalled the callers): left out of the means.\n");
        }
        return md.toString();
    }

    private static boolean stalled(Result result) {
        return result.firstTripSeconds() != null && result.firstTripSeconds() < 0;
    }

    private static double mean(List<Result> results, ToDoubleFunction<Result> metric) {
        return results.stream().mapToDouble(metric).average().orElse(Double.NaN);
    }
}
