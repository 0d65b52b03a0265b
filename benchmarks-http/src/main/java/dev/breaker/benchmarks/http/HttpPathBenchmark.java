package dev.breaker.benchmarks.http;

import dev.breaker.benchmarks.env.Machine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The HTTP-path load test: a gateway in front of {@link StubUpstream}, with the starter's filters off
 * and on, driven by wrk. The gateway is the sample app (its jar as first argument) or, where the
 * repository has none, {@link MiniGateway} (first argument {@code mini}). Every variant runs in its
 * own JVM, all started at once; they are warmed up, then measured in many short interleaved rounds
 * (the order rotated each round): a VM's host slows its cores down and speeds them up from one
 * second to the next, and only runs a few seconds apart compare well.
 *
 * <p>Two things were tried and dropped. Pinning the gateways to one core and the load to the other
 * (taskset) made them the bottleneck, but on this VM the pinned gateways ran up to four times
 * slower for minutes, warm-up or not. Driving all gateways at once on that core cost six times the
 * CPU per request: it measured three JVMs' contention, not the filters.
 *
 * <p>Arguments: {@code <sample-app jar | mini> <this module's classpath> [output directory]}.
 * Start it with {@code benchmarks-http/run-http-path.sh}.
 */
public final class HttpPathBenchmark {

    private static final int STUB_PORT = 18090;
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(12);
    private static final int WARM_UP_ROUNDS = 5;
    private static final Duration ROUND = Duration.ofSeconds(2);
    private static final int ROUNDS = 50;
    private static final int CONNECTIONS = 32;
    private static final String PATH = "/anthropic/v1/messages";
    private static final String BODY = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";

    /** One way to run the gateway: a name and the arguments that make it so. */
    record Variant(String name, int port, List<String> arguments) {
    }

    /**
     * One wrk run. Latencies in microseconds; {@code gatewayCpuNanos} is the CPU time the gateway's
     * JVM used meanwhile, which, unlike the throughput, does not depend on how much of the machine
     * other processes took.
     */
    record Run(long requests, long durationMicros, long p50, long p99, long socketErrors, long non2xx,
               long gatewayCpuNanos) {

        double perSecond() {
            return requests * 1e6 / durationMicros;
        }

        double cpuMicrosPerRequest() {
            return gatewayCpuNanos / 1e3 / requests;
        }
    }

    public static void main(String[] args) throws Exception {
        boolean mini = args[0].equals("mini");
        String classpath = args[1];
        Path out = Path.of(args.length > 2 ? args[2] : "docs/bench");
        String stubUrl = "http://127.0.0.1:" + STUB_PORT;
        List<String> gateway = mini
                ? List.of("-cp", classpath, MiniGateway.class.getName(), "--stub.url=" + stubUrl)
                : List.of("-jar", args[0], "--sample.simulator-url=" + stubUrl + "/sim");
        List<Variant> variants = mini
                ? List.of(new Variant("filters off (breaker.enabled=false)", 18091, List.of("--breaker.enabled=false")),
                        new Variant("filters on: inbound and outbound breaker", 18092, List.of()))
                : List.of(new Variant("filters off (breaker.enabled=false)", 18091, List.of("--breaker.enabled=false")),
                        new Variant("filters on (the sample as shipped)", 18092, List.of()),
                        new Variant("filters on, outbound breaker engaged too", 18093,
                                List.of("--sample.summary-url=" + stubUrl + "/sim/anthropic")));
        String gatewayName = mini ? "MiniGateway (benchmarks-http)" : "the sample gateway (sample-app)";

        List<Process> processes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroy)));
        Path logs = Files.createTempDirectory("http-path");
        Path script = Files.writeString(logs.resolve("post.lua"), wrkScript());
        try {
            processes.add(start(logs, "stub", List.of(java(), "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-cp", classpath,
                    StubUpstream.class.getName(), Integer.toString(STUB_PORT))));
            Map<Variant, ProcessHandle> gateways = new LinkedHashMap<>();
            for (Variant variant : variants) {
                // JFR from the start (JFR.start later deoptimizes, and the JVM took a minute to recover);
                // every variant records alike, so its cost lands on all of them.
                // Pre-touched: the first touch of a heap page is slow on some VMs (this one among them), and
                // a young generation growing into fresh pages made the first measured minute 4 times slower.
                List<String> command = new ArrayList<>(List.of(java(), "-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch",
                        "-XX:FlightRecorderOptions:stackdepth=256", "-XX:StartFlightRecording:name=breaker"));
                command.addAll(gateway);
                command.addAll(List.of("--server.port=" + variant.port(), "--logging.level.root=WARN"));
                command.addAll(variant.arguments());
                Process process = start(logs, "app-" + variant.port(), command);
                processes.add(process);
                gateways.put(variant, process.toHandle());
            }
            for (Variant variant : variants) {
                awaitOk(variant.port(), logs);
            }
            String load = Machine.loadAverage();
            System.out.printf("warming up %d × %d s per variant (load average: %s)%n",
                    WARM_UP_ROUNDS, WARM_UP_ROUND.toSeconds(), load);
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                round(round, variants, gateways, WARM_UP_ROUND, script);
            }
            Instant measuredFrom = Instant.now();
            Map<Variant, List<Run>> runs = new LinkedHashMap<>();
            variants.forEach(variant -> runs.put(variant, new ArrayList<>()));
            for (int round = 0; round < ROUNDS; round++) {
                Map<Variant, Run> results = round(round, variants, gateways, ROUND, script);
                for (Map.Entry<Variant, Run> result : results.entrySet()) {
                    Variant variant = result.getKey();
                    Run run = result.getValue();
                    runs.get(variant).add(run);
                    System.out.printf(Locale.ROOT, "round %d  %-42s %6.0f req/s  p50 %5.2f ms  p99 %6.2f ms  "
                                    + "gateway CPU %5.1f µs/req  non-2xx %d  socket errors %d%n",
                            round + 1, variant.name(), run.perSecond(), run.p50() / 1e3, run.p99() / 1e3,
                            run.cpuMicrosPerRequest(), run.non2xx(), run.socketErrors());
                }
            }
            Map<Variant, JfrAttribution.Share> shares = new LinkedHashMap<>();
            for (Variant variant : variants) {
                jcmd(gateways.get(variant), "JFR.dump", "name=breaker", "begin=" + measuredFrom,
                        "filename=" + logs.resolve(variant.port() + ".jfr"));
                shares.put(variant, JfrAttribution.of(logs.resolve(variant.port() + ".jfr")));
            }
            String report = report(gatewayName, runs, shares, load, Machine.loadAverage());
            Files.createDirectories(out);
            Files.writeString(out.resolve("http-path-results.md"), report);
            System.out.println();
            System.out.println(report);
        } finally {
            processes.forEach(Process::destroy);
        }
    }

    /**
     * One wrk run per variant, one after the other, the order rotated by {@code round} so that no
     * variant always follows the same one.
     */
    private static Map<Variant, Run> round(int round, List<Variant> variants, Map<Variant, ProcessHandle> gateways,
                                           Duration duration, Path script)
            throws IOException, InterruptedException {
        Map<Variant, Run> runs = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get((i + round) % variants.size());
            ProcessHandle gateway = gateways.get(variant);
            Duration cpuBefore = cpu(gateway);
            runs.put(variant, wrk(variant, gateway, duration, script, cpuBefore));
        }
        return runs;
    }

    private static String report(String gateway, Map<Variant, List<Run>> runs, Map<Variant, JfrAttribution.Share> shares,
                                 String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append(Machine.describe().trim()).append(" wrk ").append(wrkVersion()).append(".\n");
        md.append(String.format(Locale.ROOT, "Load average before the warm-up: %s; after the last round: %s.%n%n",
                loadBefore, loadAfter));
        md.append(String.format(Locale.ROOT, "Gateway: %s, one JVM per variant (-Xms512m -Xmx512m, pre-touched), in front of a Reactor Netty "
                        + "stub. wrk 1 thread, %d connections, POST %s; warm-up: %d rounds of %d s, then %d measured rounds of %d s; "
                        + "in every round each variant runs once, in a rotated order. Medians of the measured rounds; \"vs filters off\" is the median of the per-round ratios, and in brackets "
                        + "the middle half of them (25th to 75th percentile). CPU samples: "
                        + "JFR execution samples of the gateway during the measured rounds, attributed to the "
                        + "starter's code as `JfrAttribution` explains (floor / ceiling).%n%n",
                gateway, CONNECTIONS, PATH, WARM_UP_ROUNDS, WARM_UP_ROUND.toSeconds(),
                ROUNDS, ROUND.toSeconds()));
        md.append("| variant | throughput (req/s) | vs filters off | p50 latency | p99 latency "
                + "| gateway CPU per request | vs filters off | CPU samples in the starter's code | non-2xx |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Run> baseline = runs.values().iterator().next();
        for (Map.Entry<Variant, List<Run>> entry : runs.entrySet()) {
            List<Run> list = entry.getValue();
            JfrAttribution.Share share = shares.get(entry.getKey());
            double[] ratios = ratios(list, baseline, Run::perSecond);
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %+.1f %% [%+.1f, %+.1f] | %.2f ms | %.2f ms | %.1f µs | %+.1f %% "
                            + "| %.1f %% / %.1f %% of %d | %d |%n",
                    entry.getKey().name(), median(list, Run::perSecond),
                    (percentile(ratios, 50) - 1) * 100, (percentile(ratios, 25) - 1) * 100, (percentile(ratios, 75) - 1) * 100,
                    median(list, r -> (double) r.p50()) / 1e3, median(list, r -> (double) r.p99()) / 1e3,
                    median(list, Run::cpuMicrosPerRequest),
                    (medianRatio(list, baseline, Run::cpuMicrosPerRequest) - 1) * 100,
                    share.attributedPercent(), share.anywherePercent(), share.samples(),
                    list.stream().mapToLong(Run::non2xx).sum()));
        }
        md.append("\nEvery round, throughput in req/s and gateway CPU in µs per request:\n\n| round |");
        runs.keySet().forEach(variant -> md.append(' ').append(variant.name()).append(" |"));
        md.append("\n|---:|").append("---:|".repeat(runs.size())).append('\n');
        for (int round = 0; round < baseline.size(); round++) {
            md.append("| ").append(round + 1).append(" |");
            for (List<Run> list : runs.values()) {
                Run run = list.get(round);
                md.append(String.format(Locale.ROOT, " %.0f / %.0f |", run.perSecond(), run.cpuMicrosPerRequest()));
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The median over rounds of {@code metric(run) / metric(baseline run of the same round)}. */
    private static double medianRatio(List<Run> runs, List<Run> baseline, ToDoubleFunction<Run> metric) {
        return median(ratios(runs, baseline, metric));
    }

    /** Per round, {@code metric(run) / metric(baseline run of the same round)}. */
    private static double[] ratios(List<Run> runs, List<Run> baseline, ToDoubleFunction<Run> metric) {
        double[] ratios = new double[runs.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = metric.applyAsDouble(runs.get(i)) / metric.applyAsDouble(baseline.get(i));
        }
        return ratios;
    }

    /** The {@code p}th percentile, interpolated between the two nearest ranks. */
    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> metric) {
        return median(runs.stream().mapToDouble(metric).toArray());
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static Run wrk(Variant variant, ProcessHandle gateway, Duration duration, Path script, Duration cpuBefore)
            throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + CONNECTIONS, "-d" + duration.toSeconds() + "s",
                "-s", script.toString(), "http://127.0.0.1:" + variant.port() + PATH)
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no RESULT line from wrk:\n" + output));
        String[] f = line.split(" ");
        return new Run(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Long.parseLong(f[5]), Long.parseLong(f[6]), cpu(gateway).minus(cpuBefore).toNanos());
    }

    private static void jcmd(ProcessHandle process, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
    }

    /** POSTs a small Messages request; prints requests, duration, p50, p99, socket errors, non-2xx. */
    private static String wrkScript() {
        return "wrk.method = \"POST\"\n"
                + "wrk.body = '" + BODY + "'\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.headers[\"anthropic-version\"] = \"2023-06-01\"\n"
                + "function done(summary, latency, requests)\n"
                + "  local e = summary.errors\n"
                + "  io.write(string.format(\"RESULT %d %d %d %d %d %d\\n\", summary.requests, summary.duration,\n"
                + "    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))\n"
                + "end\n";
    }

    private static Process start(Path logs, String name, List<String> command) throws IOException {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile())
                .start();
    }

    /** Waits until the gateway answers 200 through the stub (at most five minutes: a loaded machine starts Spring slowly). */
    private static void awaitOk(int port, Path logs) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the gateway on port " + port + " never answered 200 (last: " + last
                + "); logs in " + logs);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String wrkVersion() {
        try {
            Process wrk = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String first = new String(wrk.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            wrk.waitFor();
            return first.replaceAll("^wrk\\s+", "").replaceAll("\\s+Copyright.*", "").trim();
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
