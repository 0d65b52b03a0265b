package dev.breaker.benchmarks.outage;

import dev.breaker.benchmarks.outage.Scenario.Phase;
import dev.breaker.core.BreakerState;

import java.util.List;
import java.util.Locale;

/**
 * Draws one setup's run as an SVG: one row per contender, sharing the time axis. Each row shows the
 * requests that reached the upstream per 100 ms (red while the upstream was failing: that is the
 * leak) and, under it, one strip per replica coloured by its breaker's state. No plotting library:
 * plain SVG elements, readable in any browser and on GitHub.
 */
final class OutageChart {

    private static final int WIDTH = 1100;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 122;
    private static final int PLOT_HEIGHT = 70;
    private static final int STRIP_HEIGHT = 9;
    private static final int ROW_GAP = 46;

    private static final String OK_BLUE = "#3b6fb6";
    private static final String LEAK_RED = "#d62728";
    private static final String REJECTED_GREY = "#cfcfcf";
    private static final String CLOSED = "#59a14f";
    private static final String HALF_OPEN = "#f2b01e";
    private static final String OPEN = "#c0392b";

    private final Scenario scenario;
    private final StringBuilder svg = new StringBuilder();
    private final int buckets;

    private OutageChart(Scenario scenario) {
        this.scenario = scenario;
        this.buckets = scenario.buckets();
    }

    static String render(String title, Scenario scenario, List<Recorder> recorders, List<Result> results) {
        return new OutageChart(scenario).draw(title, recorders, results);
    }

    private String draw(String title, List<Recorder> recorders, List<Result> results) {
        int yMax = yMax();
        int rowHeight = PLOT_HEIGHT + 6 + recorders.get(0).replicas * STRIP_HEIGHT + ROW_GAP;
        int height = TOP + recorders.size() * rowHeight - ROW_GAP + 34;
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"Helvetica,Arial,sans-serif\" font-size=\"12\">\n", WIDTH, height, WIDTH, height));
        svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, height));
        text(LEFT, 22, title, "font-size=\"16\" font-weight=\"bold\"");
        text(LEFT, 40, "Bars: calls per 100 ms — blue and red reached the upstream (red while it was failing: the leak, "
                + "with its count), grey were rejected by the breaker. Strips: each replica's breaker state.",
                "fill=\"#444\"");
        legend(LEFT, 60);
        phaseLabels(TOP - 32);

        for (int row = 0; row < recorders.size(); row++) {
            int top = TOP + row * rowHeight;
            drawRow(top, recorders.get(row), results.get(row), yMax, rowHeight);
        }
        xAxis(TOP + recorders.size() * rowHeight - ROW_GAP + 4);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void drawRow(int top, Recorder recorder, Result result, int yMax, int rowHeight) {
        int bottom = top + PLOT_HEIGHT;
        int stripsBottom = bottom + 6 + recorder.replicas * STRIP_HEIGHT;
        // outage shading, behind everything, across plot and strips
        for (Phase phase : List.of(Phase.RATE_LIMITED, Phase.OVERLOADED, Phase.TIMEOUTS)) {
            double x0 = x(scenario.start(phase));
            double x1 = x(scenario.end(phase));
            String fill = phase == Phase.RATE_LIMITED ? "#fde3cf" : phase == Phase.OVERLOADED ? "#fbd0d0" : "#e6dcf2";
            svg.append(format("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                    x0, top, x1 - x0, PLOT_HEIGHT, fill));
        }
        // y axis and grid
        for (int tick : new int[] {0, yMax / 2, yMax}) {
            double y = bottom - (double) tick / yMax * PLOT_HEIGHT;
            svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                    LEFT, y, WIDTH - RIGHT, y));
            text(LEFT - 6, y + 4, Integer.toString(tick), "text-anchor=\"end\" fill=\"#555\"");
        }
        // calls per bucket: received (red inside the outage, blue outside), rejected stacked on top in grey
        int outageFrom = Scenario.bucketOf(scenario.outageStart());
        int healed = Scenario.bucketOf(scenario.healedAt());
        bars(recorder, 0, outageFrom, bottom, yMax, OK_BLUE, false);
        bars(recorder, outageFrom, healed, bottom, yMax, LEAK_RED, false);
        bars(recorder, healed, buckets, bottom, yMax, OK_BLUE, false);
        bars(recorder, 0, buckets, bottom, yMax, REJECTED_GREY, true);
        leakCounts(recorder, outageFrom, healed, top);
        svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", LEFT, bottom, WIDTH - RIGHT, bottom));
        // heading with the numbers that matter
        text(LEFT, top - 8, recorder.name, "font-weight=\"bold\" font-size=\"13\"");
        text(LEFT + 8 + recorder.name.length() * 7.6, top - 8, summary(result), "fill=\"#333\"");
        // one strip per replica
        BreakerState[][] states = recorder.statesPerBucket();
        for (int replica = 0; replica < recorder.replicas; replica++) {
            int y = bottom + 6 + replica * STRIP_HEIGHT;
            strip(states[replica], y);
        }
        text(LEFT - 6, bottom + 6 + recorder.replicas * STRIP_HEIGHT / 2.0 + 4,
                recorder.replicas == 1 ? "state" : "replicas", "text-anchor=\"end\" fill=\"#555\" font-size=\"10\"");
        double healX = x(scenario.healedAt());
        svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#2a7a2a\" stroke-dasharray=\"4,3\"/>\n",
                healX, top, healX, stripsBottom));
    }

    private String summary(Result r) {
        String recovery = r.recoverySeconds() == null ? "not recovered by the end"
                : format("closed again %.1f s after the heal", r.recoverySeconds());
        return format("leak %d: %d before opening (one breaker's minimum %d = %d + %d in flight), %d probes · "
                        + "%d false rejections · %s",
                r.leak(), r.tripLeak(), BreakerSettings.FAILURE_THRESHOLD + r.inFlightAtThreshold(),
                BreakerSettings.FAILURE_THRESHOLD, r.inFlightAtThreshold(), r.probeLeak(), r.falseRejections(), recovery);
    }

    /** Received calls from the axis up, or rejected calls stacked on them; clipped at {@code yMax}. */
    private void bars(Recorder recorder, int from, int to, int bottom, int yMax, String color, boolean rejected) {
        StringBuilder path = new StringBuilder();
        for (int bucket = from; bucket < to; bucket++) {
            int received = Math.min(recorder.received(bucket), yMax);
            int base = rejected ? received : 0;
            int count = Math.min(rejected ? recorder.rejected.get(bucket) : received, yMax - base);
            if (count <= 0) {
                continue;
            }
            double x0 = x(bucket * Scenario.BUCKET.toNanos());
            double x1 = x((bucket + 1) * Scenario.BUCKET.toNanos());
            double y0 = bottom - base / (double) yMax * PLOT_HEIGHT;
            double h = count / (double) yMax * PLOT_HEIGHT;
            path.append(format("M%.1f %.1f h%.2f v%.1f h%.2f z", x0, y0, x1 - x0, -h, -(x1 - x0)));
        }
        if (!path.isEmpty()) {
            svg.append(format("<path d=\"%s\" fill=\"%s\"/>\n", path, color));
        }
    }

    /** Writes the count of each burst of leaked requests (consecutive non-empty buckets) above it. */
    private void leakCounts(Recorder recorder, int from, int to, int top) {
        int bucket = from;
        while (bucket < to) {
            if (recorder.received(bucket) == 0) {
                bucket++;
                continue;
            }
            int first = bucket;
            int sum = 0;
            while (bucket < to && recorder.received(bucket) > 0) {
                sum += recorder.received(bucket++);
            }
            double x = (x(first * Scenario.BUCKET.toNanos()) + x(bucket * Scenario.BUCKET.toNanos())) / 2;
            text(x, top + 11, Integer.toString(sum),
                    "text-anchor=\"middle\" font-weight=\"bold\" font-size=\"11\" fill=\"" + LEAK_RED + "\"");
        }
    }

    private void strip(BreakerState[] states, int y) {
        int runStart = 0;
        for (int bucket = 1; bucket <= states.length; bucket++) {
            if (bucket == states.length || states[bucket] != states[runStart]) {
                double x0 = x(runStart * Scenario.BUCKET.toNanos());
                double x1 = x(bucket * Scenario.BUCKET.toNanos());
                svg.append(format("<rect x=\"%.1f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>\n",
                        x0, y, x1 - x0, STRIP_HEIGHT - 2, color(states[runStart])));
                runStart = bucket;
            }
        }
    }

    private void phaseLabels(int y) {
        for (Phase phase : Phase.values()) {
            long start = scenario.start(phase);
            long end = scenario.end(phase);
            String label = phase == Phase.RATE_LIMITED
                    ? "429, Retry-After: " + scenario.retryAfterSeconds() + " s" : phase.label;
            String weight = phase.failing() ? "font-weight=\"bold\" " : "";
            text((x(start) + x(end)) / 2, y, label, weight + "text-anchor=\"middle\" fill=\"#333\"");
        }
    }

    private void legend(int x, int y) {
        Object[][] items = {
                {OK_BLUE, "reached the healthy upstream"}, {LEAK_RED, "reached the failing upstream"},
                {REJECTED_GREY, "rejected by the breaker"},
                {CLOSED, "closed"}, {HALF_OPEN, "half-open"}, {OPEN, "open"}};
        double at = x;
        for (Object[] item : items) {
            svg.append(format("<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/>\n", at, y - 9, item[0]));
            text(at + 16, y, (String) item[1], "fill=\"#333\"");
            at += 28 + ((String) item[1]).length() * 6.2;
        }
    }

    private void xAxis(int y) {
        long step = 5_000_000_000L;
        for (long t = 0; t <= scenario.end(); t += step) {
            double x = x(t);
            svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\"/>\n", x, y, x, y + 5));
            text(x, y + 18, (t / 1_000_000_000L) + " s", "text-anchor=\"middle\" fill=\"#555\"");
        }
    }

    private static String color(BreakerState state) {
        return switch (state) {
            case CLOSED -> CLOSED;
            case HALF_OPEN -> HALF_OPEN;
            case OPEN -> OPEN;
        };
    }

    /**
     * Twice the calls a bucket holds at the steady rate. Taller bars (bursts after the machine
     * stalled the callers) are clipped: the CSV beside the chart has every count.
     */
    private int yMax() {
        return (int) (2 * scenario.callsPerSecond() * Scenario.BUCKET.toNanos() / 1_000_000_000L);
    }

    private double x(long nanos) {
        return LEFT + (double) nanos / scenario.end() * (WIDTH - LEFT - RIGHT);
    }

    private void text(double x, double y, String content, String attributes) {
        svg.append(format("<text x=\"%.1f\" y=\"%.1f\" %s>%s</text>\n", x, y, attributes, escape(content)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
