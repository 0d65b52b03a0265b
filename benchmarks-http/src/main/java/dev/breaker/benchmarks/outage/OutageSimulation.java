package dev.breaker.benchmarks.outage;

import dev.breaker.benchmarks.outage.Scenario.Phase;
import dev.breaker.benchmarks.env.Machine;
import dev.breaker.core.BreakerState;
import dev.breaker.core.store.InMemoryStateStore;
import dev.breaker.core.store.redis.RedisStateStore;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the outage of {@link Scenario#standard} twice — one replica, then four — with every
 * contender called at the same instants (ours on the in-memory store, ours on a Redis store shared
 * through one embedded Redis, and resilience4j), and writes one SVG chart and one CSV time series per setup
 * plus a Markdown summary into the directory given as the first argument (default {@code docs/bench}).
 * A second argument, in seconds, lengthens the time-out phase: the upstream then heals at another
 * point of the breakers' probe cycles.
 *
 * <p>Where the heal falls in a breaker's cycle of open period and failing probes decides how long it
 * goes on rejecting afterwards, so one run says little about false rejections. Each setup is
 * therefore run again with the heal 1 to 5 s later ({@link HealSweep}): six points, one second
 * apart, across the 6 s cycle that every contender has here.
 * Last, {@link FailoverSimulation} runs the outage once more with a healthy second upstream to fall
 * back to, and reports the share of callers who still got an answer. A third argument,
 * {@code failover}, runs that last part alone (two minutes instead of fifteen) and writes
 * {@code outage-failover-results.md}.
 * Start it with {@code benchmarks-http/run-outage.sh}.
 */
public final class OutageSimulation {

    private static final Duration WARM_UP = Duration.ofSeconds(20);
    /** The sweep's runs follow a warmed-up run in the same JVM: they need only fresh connections. */
    private static final Duration SWEEP_WARM_UP = Duration.ofSeconds(3);
    private static final int SWEEP_POINTS = 5;

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "error"));
        Path out = Path.of(args.length > 0 ? args[0] : "docs/bench");
        Duration healLater = Duration.ofMillis(Math.round(1000 * Double.parseDouble(args.length > 1 ? args[1] : "0")));
        Files.createDirectories(out);
        Scenario scenario = Scenario.standard(healLater);

        StringBuilder report = new StringBuilder();
        report.append(Machine.describe()).append('\n');
        if (!healLater.isZero()) {
            report.append("The time-out phase lasts ").append(scenario.timeoutsLength().toMillis() / 1000.0)
                    .append(" s instead of 10 s: the upstream heals ").append(healLater.toMillis() / 1000.0)
                    .append(" s later.\n\n");
        }
        if (args.length > 2 && args[2].equals("failover")) {
            System.out.printf("Failover: running %d s after a %d s warm-up (load average before: %s)%n",
                    scenario.end() / 1_000_000_000L, WARM_UP.toSeconds(), Machine.loadAverage());
            report.append(FailoverSimulation.run(scenario, WARM_UP)).append('\n');
            Files.writeString(out.resolve("outage-failover-results.md"), report);
            System.out.println(report);
            return;
        }
        RedisServer redis = startRedis();
        int runs = 0;
        for (int replicas : new int[] {1, 4}) {
            String setup = replicas == 1 ? "1 replica" : replicas + " replicas";
            String load = Machine.loadAverage();
            System.out.printf("%s: running %d s after a %d s warm-up (load average before: %s)%n", setup, scenario.end() / 1_000_000_000L, WARM_UP.toSeconds(), load);
            List<Recorder> recorders = run(scenario, replicas, redisUri(redis), WARM_UP, ++runs);
            List<Result> results = recorders.stream().map(r -> Result.of(r, scenario)).toList();
            Map<Duration, List<Result>> sweep = new LinkedHashMap<>();
            sweep.put(healLater, results);
            for (int point = 1; point <= SWEEP_POINTS; point++) {
                Scenario moved = Scenario.sweep(healLater.plusSeconds(point));
                System.out.printf("%s: the heal %d s later (load average before: %s)%n", setup, point, Machine.loadAverage());
                sweep.put(healLater.plusSeconds(point), run(moved, replicas, redisUri(redis), SWEEP_WARM_UP, ++runs)
                        .stream().map(r -> Result.of(r, moved)).toList());
            }
            String file = "outage-" + setup.replace(' ', '-');
            Files.writeString(out.resolve(file + ".svg"), OutageChart.render(
                    "Outage simulation — " + setup + ", " + scenario.callsPerSecond() + " calls/s in all",
                    scenario, recorders, results));
            Files.writeString(out.resolve(file + ".csv"), csv(scenario, recorders));
            report.append(Summary.table(setup, load, scenario, results)).append('\n');
            report.append(HealSweep.table(setup, sweep)).append('\n');
        }
        redis.stop();
        System.out.printf("Failover: running %d s after a %d s warm-up (load average before: %s)%n",
                scenario.end() / 1_000_000_000L, WARM_UP.toSeconds(), Machine.loadAverage());
        report.append(FailoverSimulation.run(scenario, WARM_UP)).append('\n');
        Files.writeString(out.resolve("outage-results.md"), report);
        System.out.println();
        System.out.println(report);
    }

    private static List<Recorder> run(Scenario scenario, int replicas, String redisUri, Duration warmUp, int run)
            throws IOException, InterruptedException {
        long start = System.nanoTime() + 1_000_000_000L + warmUp.toNanos(); // 1 s to build everything below
        List<RedisStateStore> stores = new ArrayList<>();
        List<Contender> contenders = new ArrayList<>();
        contenders.add(contender("ours, in-memory store", replicas, scenario, start,
                (recorder, i) -> new OurReplica(InMemoryStateStore.INSTANCE, s -> recorder.stateChanged(i, s))));
        // Each replica its own store (its own connections), as separate processes would have.
        contenders.add(contender("ours, Redis store", replicas, scenario, start, (recorder, i) -> {
            RedisStateStore store = RedisStateStore.builder().uri(redisUri).keyPrefix("outage-" + run + ":").build();
            stores.add(store);
            return new OurReplica(store, s -> recorder.stateChanged(i, s));
        }));
        contenders.add(contender("resilience4j 2.4.0", replicas, scenario, start,
                (recorder, i) -> new Resilience4jReplica("upstream-" + i, s -> recorder.stateChanged(i, s))));
        List<Recorder> recorders = contenders.stream().map(Contender::recorder).toList();
        try (FlakyUpstream upstream = new FlakyUpstream(scenario, recorders, start)) {
            List<URI> uris = new ArrayList<>();
            for (int i = 0; i < contenders.size(); i++) {
                uris.add(upstream.uri(i));
            }
            new Callers(scenario, contenders, uris).run(start, warmUp);
        } finally {
            stores.forEach(RedisStateStore::close);
        }
        return recorders;
    }

    /** A throw-away Redis on a free loopback port, persisting nothing (no files left behind). */
    private static RedisServer startRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        return redis;
    }

    private static String redisUri(RedisServer redis) {
        return "redis://127.0.0.1:" + redis.ports().get(0);
    }

    /** Builds replica number {@code replica}, which reports its state changes to {@code recorder}. */
    interface ReplicaFactory {
        Replica create(Recorder recorder, int replica);
    }

    private static Contender contender(String label, int replicas, Scenario scenario, long start, ReplicaFactory factory) {
        Recorder recorder = new Recorder(label, replicas, scenario.buckets(), start);
        List<Replica> list = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            list.add(factory.create(recorder, i));
        }
        return new Contender(label, list, recorder);
    }

    /** One line per 100 ms: the phase, then per contender the requests received, probes among them, rejections, states. */
    private static String csv(Scenario scenario, List<Recorder> recorders) {
        StringBuilder csv = new StringBuilder("t_s,phase");
        List<BreakerState[][]> states = new ArrayList<>();
        for (Recorder recorder : recorders) {
            String name = recorder.name.replace(',', ' ');
            csv.append(',').append(name).append(" received");
            csv.append(',').append(name).append(" probes received");
            csv.append(',').append(name).append(" rejected");
            csv.append(',').append(name).append(" states");
            states.add(recorder.statesPerBucket());
        }
        csv.append('\n');
        for (int bucket = 0; bucket < scenario.buckets(); bucket++) {
            long at = bucket * Scenario.BUCKET.toNanos();
            Phase phase = scenario.phaseAt(at);
            csv.append(String.format(Locale.ROOT, "%.1f,%s", at / 1e9, phase.name().toLowerCase(Locale.ROOT)));
            for (int c = 0; c < recorders.size(); c++) {
                Recorder recorder = recorders.get(c);
                csv.append(',').append(recorder.received(bucket))
                        .append(',').append(recorder.receivedProbes.get(bucket))
                        .append(',').append(recorder.rejected.get(bucket))
                        .append(',');
                for (BreakerState[] replica : states.get(c)) {
                    csv.append(replica[bucket].name().charAt(0));
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
