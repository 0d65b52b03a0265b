package dev.breaker.benchmarks.redis;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerState;
import dev.breaker.core.Permit;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.store.InMemoryStateStore;
import dev.breaker.core.StateStore;
import dev.breaker.core.store.redis.RedisStateStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures what the Redis store costs, against a real Redis (embedded, on loopback):
 * <ol>
 *   <li>Redis commands per second per active breaker, at 1,000 and 10,000 calls per second spread
 *       over three replicas and ten breakers, with 0 %, 1 % and 10 % failures (none trips), from
 *       {@code INFO commandstats};</li>
 *   <li>the same for a naive shared breaker that asks Redis on every call (one {@code GET} of the
 *       state per call, one {@code INCR} per failure), the baseline the design avoids;</li>
 *   <li>the closed success path with the Redis store and with the in-memory store (ns per call);</li>
 *   <li>trip propagation from one replica to another, p50/p99 over loopback, beside the raw
 *       Lettuce PUBLISH-to-message time on the same machine.</li>
 * </ol>
 * Run it (about five minutes) with
 * <pre>
 * mvn -q -B -DskipTests package -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar dev.breaker.benchmarks.redis.RedisStoreBenchmark [results.md]
 * </pre>
 * It prints Markdown tables (and writes them to the file named by its argument); add
 * {@code -Dbench.parts=propagation} (or {@code load}, {@code closed}) to run only some.
 */
public final class RedisStoreBenchmark {

    private static final String PROVIDER = "anthropic";
    private static final int REPLICAS = 3;
    private static final int BREAKERS = 10;
    private static final Duration LOAD_RUN = Duration.ofSeconds(10);
    private static final int TRIPS = 500;

    private static final BreakerConfig CONFIG = BreakerConfig.builder()
            .failureRateThreshold(0.5).minimumCalls(20).windowSize(100)
            .windowDuration(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder();
        String parts = System.getProperty("bench.parts", "load,closed,propagation");
        try (LoopbackRedis redis = LoopbackRedis.start()) {
            if (parts.contains("load")) {
                out.append(commandsPerBreaker(redis)).append('\n');
            }
            if (parts.contains("closed")) {
                out.append(closedPath(redis)).append('\n');
            }
            if (parts.contains("propagation")) {
                out.append(propagation(redis)).append('\n');
            }
        }
        System.out.println(out);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), out);
        }
        System.exit(0);
    }

    // ---- 1 and 2: commands per active breaker ------------------------------------------------------

    private static String commandsPerBreaker(LoopbackRedis redis) throws Exception {
        StringBuilder table = new StringBuilder("""
                ### Redis commands per active breaker

                3 replicas, 10 breakers (window 10 s, rate rule 50 %, 20 calls minimum), calls spread
                evenly over breakers and replicas, each call failing with the given probability, 10 s per
                row. "Store commands" are what the replicas send for breakers (EVALSHA/EVAL/ZREM; for the
                naive store GET/INCR); the health PING (1/s per replica, whatever the number of
                breakers) is counted apart. Call times include the store's work on the caller's thread.

                | store | calls/s (target → achieved) | failures | trips | store commands/s | per active breaker | health PINGs/s | call p50 / p99 (µs) |
                |---|---|---|---|---|---|---|---|
                """);
        for (String store : List.of("memory", "redis", "naive")) {
            for (int rate : new int[] {1_000, 10_000}) {
                for (double failures : new double[] {0, 0.01, 0.10}) {
                    if (store.equals("naive") && failures == 0.10) {
                        continue;
                    }
                    table.append(loadRow(redis, store, rate, failures)).append('\n');
                }
            }
        }
        return table.toString();
    }

    private static String loadRow(LoopbackRedis redis, String kind, int rate, double failureShare) throws Exception {
        String prefix = "bench" + System.nanoTime() + ":";
        List<Caller> callers = new ArrayList<>();
        List<AutoCloseable> closeables = new ArrayList<>();
        AtomicLong trips = new AtomicLong();
        for (int r = 0; r < REPLICAS; r++) {
            if (!kind.equals("naive")) {
                StateStore store = kind.equals("redis")
                        ? RedisStateStore.builder().uri(redis.uri()).keyPrefix(prefix).build() : InMemoryStateStore.INSTANCE;
                BreakerRegistry registry = BreakerRegistry.builder().provider(PROVIDER, CONFIG).store(store).build();
                closeables.add(registry);
                if (store instanceof RedisStateStore redisStore) {
                    awaitConnected(redisStore);
                }
                registry.addListener(transition -> {
                    if (transition.to() == BreakerState.OPEN) {
                        trips.incrementAndGet();
                    }
                });
                for (int b = 0; b < BREAKERS; b++) {
                    registry.breaker(PROVIDER, "/b" + b); // created (and its stored state read) before counting
                }
                callers.add((key, fail) -> {
                    Permit permit = registry.breaker(PROVIDER, key).tryAcquire();
                    if (permit != null) {
                        if (fail) {
                            permit.onFailure(503);
                        } else {
                            permit.onSuccess();
                        }
                    }
                });
            } else {
                NaiveSharedBreaker naive = new NaiveSharedBreaker(redis.uri(), prefix);
                closeables.add(naive);
                callers.add(naive::call);
            }
        }
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        redis.admin().configResetstat();
        Load load = Load.run(callers, rate, failureShare, LOAD_RUN);
        Map<String, Long> stats = commandStats(redis.admin().info("commandstats"));
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        double seconds = load.seconds;
        long storeCommands = stats.getOrDefault("evalsha", 0L) + stats.getOrDefault("eval", 0L)
                + stats.getOrDefault("zrem", 0L) + stats.getOrDefault("get", 0L) + stats.getOrDefault("incr", 0L);
        double perSecond = storeCommands / seconds;
        return String.format("| %s | %,d → %,.0f | %.0f %% | %d | %,.0f | %,.1f | %.1f | %.1f / %.1f |",
                switch (kind) {
                    case "redis" -> "RedisStateStore";
                    case "memory" -> "in-memory (no sharing; control)";
                    default -> "naive (1 round trip per call)";
                }, rate,
                load.calls / seconds, failureShare * 100, trips.get(), perSecond, perSecond / BREAKERS,
                stats.getOrDefault("ping", 0L) / seconds, load.p50Micros, load.p99Micros);
    }

    interface Caller {
        void call(String key, boolean fail) throws Exception;
    }

    /** Paced callers, one thread per replica, each calling its share of the rate. */
    private static final class Load {

        long calls;
        double seconds;
        double p50Micros;
        double p99Micros;

        static Load run(List<Caller> callers, int rate, double failureShare, Duration length) throws Exception {
            long intervalNanos = 1_000_000_000L * callers.size() / rate;
            AtomicLong calls = new AtomicLong();
            List<long[]> samples = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(callers.size());
            long start = System.nanoTime();
            long end = start + length.toNanos();
            for (int t = 0; t < callers.size(); t++) {
                Caller caller = callers.get(t);
                long[] took = new long[(int) (length.toNanos() / intervalNanos) + 10];
                samples.add(took);
                int offset = t;
                Thread thread = new Thread(() -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(offset);
                    long next = start;
                    int n = 0;
                    try {
                        while (next < end && n < took.length) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            boolean fail = random.nextDouble() < failureShare;
                            String key = "/b" + ((n + offset) % BREAKERS);
                            long t0 = System.nanoTime();
                            caller.call(key, fail);
                            took[n++] = System.nanoTime() - t0;
                            calls.incrementAndGet();
                            next += intervalNanos;
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        done.countDown();
                    }
                });
                thread.start();
            }
            done.await();
            Load load = new Load();
            load.seconds = (System.nanoTime() - start) / 1e9;
            load.calls = calls.get();
            long[] all = samples.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
            load.p50Micros = all[all.length / 2] / 1e3;
            load.p99Micros = all[(int) (all.length * 0.99)] / 1e3;
            return load;
        }
    }

    /**
     * The baseline: a breaker whose state lives only in Redis. Every call reads the state (one round
     * trip before the call); every failure increments a counter (one more).
     */
    private static final class NaiveSharedBreaker implements AutoCloseable {

        private final RedisClient client;
        private final StatefulRedisConnection<String, String> connection;
        private final RedisCommands<String, String> redis;
        private final String prefix;

        NaiveSharedBreaker(String uri, String prefix) {
            this.client = RedisClient.create(uri);
            this.connection = client.connect();
            this.redis = connection.sync();
            this.prefix = prefix;
        }

        void call(String key, boolean fail) {
            String state = redis.get(prefix + "{" + key + "}:state");
            if ("OPEN".equals(state)) {
                return;
            }
            if (fail) {
                redis.incr(prefix + "{" + key + "}:failures");
            }
        }

        @Override
        public void close() {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    // ---- 3: closed success path ------------------------------------------------------------------

    private static String closedPath(LoopbackRedis redis) throws Exception {
        RedisStateStore redisStore = RedisStateStore.builder().uri(redis.uri()).keyPrefix("closed:").build();
        awaitConnected(redisStore);
        double memory = 0;
        double shared = 0;
        for (int round = 0; round < 5; round++) {
            memory = Math.max(memory, closedCallsPerSecond(InMemoryStateStore.INSTANCE));
            shared = Math.max(shared, closedCallsPerSecond(redisStore));
        }
        redisStore.close();
        return String.format("""
                ### Closed success path

                One thread, `tryAcquire()` + `onSuccess()` on a closed breaker, 20 M calls per round after
                warm-up, best of 5 rounds (a plain loop, not JMH: see the JMH `ClosedPathBenchmark` for
                the careful number). The Redis store adds nothing to this path by design.

                | store | ns per call |
                |---|---|
                | in-memory | %.1f |
                | RedisStateStore | %.1f |
                """, 1e9 / memory, 1e9 / shared);
    }

    private static double closedCallsPerSecond(StateStore store) {
        try (BreakerRegistry registry = BreakerRegistry.builder().provider(PROVIDER, CONFIG).store(new Unclosable(store)).build()) {
            Breaker breaker = registry.breaker(PROVIDER, "/closed");
            int calls = 20_000_000;
            for (int i = 0; i < 2_000_000; i++) {
                breaker.tryAcquire().onSuccess();
            }
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                breaker.tryAcquire().onSuccess();
            }
            long took = System.nanoTime() - start;
            if (breaker.state() != BreakerState.CLOSED) {
                throw new IllegalStateException("the breaker must stay closed");
            }
            return calls * 1e9 / took;
        }
    }

    /** Lets several registries share one store without the first one closing it. */
    private record Unclosable(StateStore store) implements StateStore {

        @Override
        public dev.breaker.core.SharedState attach(dev.breaker.core.BreakerId id, BreakerConfig config,
                                                         dev.breaker.core.LocalBreaker local) {
            return store.attach(id, config, local);
        }

        @Override
        public dev.breaker.core.StoreStatus status() {
            return store.status();
        }
    }

    // ---- 4: trip propagation -----------------------------------------------------------------------

    private static String propagation(LoopbackRedis redis) throws Exception {
        BreakerConfig config = BreakerConfig.builder().failureThreshold(1).openDuration(Duration.ofSeconds(60)).build();
        RedisStateStore storeA = RedisStateStore.builder().uri(redis.uri()).keyPrefix("trip:").build();
        RedisStateStore storeB = RedisStateStore.builder().uri(redis.uri()).keyPrefix("trip:").build();
        BreakerRegistry a = BreakerRegistry.builder().provider(PROVIDER, config).store(storeA).build();
        BreakerRegistry b = BreakerRegistry.builder().provider(PROVIDER, config).store(storeB).build();
        awaitConnected(storeA);
        awaitConnected(storeB);
        AtomicLong openedAt = new AtomicLong();
        b.addListener(transition -> {
            if (transition.to() == BreakerState.OPEN) {
                openedAt.set(System.nanoTime());
            }
        });
        long[] trips = new long[TRIPS];
        for (int i = -50; i < TRIPS; i++) { // 50 unmeasured trips warm the path up
            String key = "/trip" + i;
            b.breaker(PROVIDER, key);
            Breaker breaker = a.breaker(PROVIDER, key);
            LockSupport.parkNanos(2_000_000); // let B's read of the fresh key's stored state finish
            openedAt.set(0);
            long start = System.nanoTime();
            breaker.acquire().onFailure(503);
            long deadline = start + Duration.ofSeconds(5).toNanos();
            while (openedAt.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (i >= 0) {
                trips[i] = openedAt.get() == 0 ? Long.MAX_VALUE : openedAt.get() - start;
            }
        }
        a.close();
        b.close();
        long[] raw = rawPublish(redis);
        Arrays.sort(trips);
        return String.format("""
                ### Trip propagation, replica to replica

                %d trips on fresh keys: from the failing call on replica A to replica B's breaker having
                opened (its state-change listener), two registries with their own store and connections,
                loopback. Beside it, the same machine's floor: a bare Lettuce PUBLISH to a bare Lettuce
                subscriber.

                | path | p50 | p90 | p99 | max |
                |---|---|---|---|---|
                | trip on A → B rejects | %s | %s | %s | %s |
                | bare PUBLISH → message | %s | %s | %s | %s |
                """, TRIPS, ms(trips, 0.5), ms(trips, 0.9), ms(trips, 0.99), ms(trips, 1),
                ms(raw, 0.5), ms(raw, 0.9), ms(raw, 0.99), ms(raw, 1));
    }

    private static long[] rawPublish(LoopbackRedis redis) throws Exception {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> publisher = client.connect();
             StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub()) {
            AtomicLong received = new AtomicLong();
            subscriber.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received.set(System.nanoTime());
                }
            });
            subscriber.sync().subscribe("raw");
            long[] took = new long[TRIPS];
            for (int i = -50; i < TRIPS; i++) {
                LockSupport.parkNanos(2_000_000);
                received.set(0);
                long start = System.nanoTime();
                publisher.async().publish("raw", "x");
                while (received.get() == 0) {
                    Thread.onSpinWait();
                }
                if (i >= 0) {
                    took[i] = received.get() - start;
                }
            }
            Arrays.sort(took);
            return took;
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static String ms(long[] sorted, double fraction) {
        long value = sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
        return value == Long.MAX_VALUE ? "> 5 s" : String.format("%.2f ms", value / 1e6);
    }

    private static void awaitConnected(RedisStateStore store) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!store.status().connected()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not connected: " + store.status());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static Map<String, Long> commandStats(String info) {
        Map<String, Long> calls = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                String rest = line.substring(line.indexOf("calls=") + "calls=".length());
                calls.put(name.split("\\|")[0], calls.getOrDefault(name, 0L) + Long.parseLong(rest.substring(0, rest.indexOf(','))));
            }
        }
        return calls;
    }
}
