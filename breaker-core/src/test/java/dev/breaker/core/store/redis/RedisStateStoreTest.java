package dev.breaker.core.store.redis;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerId;
import dev.breaker.core.BreakerState;
import dev.breaker.core.CallResult;
import dev.breaker.core.Permit;
import dev.breaker.core.StoreStatus;
import dev.breaker.core.TransitionReason;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.store.redis.Traffic.Caller;
import dev.breaker.core.window.WindowCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas in one JVM: each is a {@link BreakerRegistry} with its own {@link RedisStateStore} and
 * connections, all against one real Redis. Breaker rules run on a shared {@link ManualClock};
 * propagation through Redis is real and awaited. Every test uses its own key prefix.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RedisStateStoreTest {

    private static final String PROVIDER = "anthropic";
    private static final String KEY = "/v1/messages";
    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    private static final long SLOW = Duration.ofSeconds(3).toNanos();
    private static final long FAST = Duration.ofMillis(100).toNanos();
    /**
     * "Never blocks a call", measured. A call that waited for Redis would take at least the command
     * timeout (500 ms) or the whole outage; the only wait the design allows is a half-open probe's
     * {@code probeWait} (5 ms). The slowest call is held below the command timeout rather than near
     * 5 ms because the test machine (2 shared cores) preempts threads for tens of milliseconds now
     * and then; almost every call is held to {@link #P99_CALL}, or {@link #P99_PROBE} for a caller
     * that may wait for a probe lease.
     */
    private static final Duration SLOWEST_CALL = Duration.ofMillis(200);
    private static final Duration P99_CALL = Duration.ofMillis(10);
    private static final Duration P99_PROBE = Duration.ofMillis(25);
    private static final AtomicInteger TESTS = new AtomicInteger();

    private static EmbeddedRedis redis;

    private final ManualClock clock = new ManualClock();
    private final String prefix = "test" + TESTS.incrementAndGet() + ":";
    private final List<BreakerRegistry> registries = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedis.start();
        warmUp();
        // The first Lettuce client in a JVM loads and initialises Netty, which takes seconds on a busy machine.
        try (RedisStateStore store = RedisStateStore.builder().uri(redis.uri()).keyPrefix("warm-up:").build()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> store.status().connected());
        }
    }

    /**
     * Runs every breaker path in memory, so that the first latency measured in this JVM is not the
     * loading and compiling of the breaker's classes.
     */
    private static void warmUp() {
        ManualClock clock = new ManualClock();
        Breaker breaker = new Breaker(new BreakerId(PROVIDER, "/warm-up"),
                BreakerConfig.builder().failureThreshold(2).openDuration(Duration.ofSeconds(1)).build(), clock,
                transition -> { }, dev.breaker.core.store.InMemoryStateStore.INSTANCE);
        for (int round = 0; round < 1_000; round++) {
            breaker.acquire().onSuccess();
            breaker.acquire().onFailure(529);
            breaker.acquire().onFailure(529);
            clock.advance(Duration.ofSeconds(1));
            breaker.acquire().onSuccess();
            breaker.acquire().onSuccess();
            breaker.acquire().onSuccess();
            breaker.forceOpen();
            breaker.reset();
        }
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @AfterEach
    void closeReplicas() {
        registries.forEach(BreakerRegistry::close);
        if (!isRunning()) {
            redis.startServer();
        }
    }

    @Test
    void failuresSplitAcrossReplicasTripEveryReplica() {
        List<Replica> replicas = connectedReplicas(3, BreakerConfig.builder().failureThreshold(6).build());
        Replica a = replicas.get(0);
        Replica b = replicas.get(1);
        Replica c = replicas.get(2);

        fail(a, 2);
        fail(b, 2);
        fail(c, 1);
        await().atMost(PROPAGATION).until(() -> sharedFailures() == 5);
        assertThat(replicas).allMatch(replica -> replica.breaker().state() == BreakerState.CLOSED);

        fail(c, 1);

        awaitState(replicas, BreakerState.OPEN);
        assertThat(replicas).allMatch(replica -> replica.breaker().totalFailures() <= 2);
    }

    @Test
    void theRateRuleCountsTheCallsOfReplicasThatOnlySeeSuccesses() {
        BreakerConfig config = BreakerConfig.builder().failureRateThreshold(0.6).minimumCalls(10).build();
        List<Replica> replicas = connectedReplicas(2, config);
        Replica failing = replicas.get(0);
        Replica healthy = replicas.get(1);
        for (int i = 0; i < 10; i++) {
            healthy.breaker().acquire().onSuccess();
        }

        fail(failing, 1); // its first failure wakes the healthy replica, which shares its 10 calls
        await().atMost(PROPAGATION).until(() -> sharedCounts().containsKey(healthy.store().replicaId()));
        fail(failing, 1);
        await().atMost(PROPAGATION).until(() -> failing.remoteCounts().calls() == 10);

        fail(failing, 8);
        assertThat(failing.breaker().state()).as("10 failures of 20 calls, 50 %%").isEqualTo(BreakerState.CLOSED);
        fail(failing, 5);

        assertThat(failing.breaker().state()).as("15 failures of 25 calls, 60 %%").isEqualTo(BreakerState.OPEN);
        awaitState(replicas, BreakerState.OPEN);
    }

    /**
     * Slow calls are shared like failures, and the slow share is judged over every replica's calls:
     * a replica that only sees quick calls shares them once another replica's first slow call wakes it.
     */
    @Test
    void slowCallsSplitAcrossReplicasTripEveryReplica() {
        BreakerConfig config = BreakerConfig.builder().slowCallDuration(Duration.ofSeconds(2))
                .slowCallRateThreshold(0.5).minimumCalls(8).build();
        List<Replica> replicas = connectedReplicas(3, config);
        Replica quick = replicas.get(0);
        Replica b = replicas.get(1);
        Replica c = replicas.get(2);
        succeed(quick, FAST, 4);

        succeed(b, SLOW, 2); // b's first slow call wakes the quick replica, which shares its 4 calls
        await().atMost(PROPAGATION).until(() -> sharedCounts().containsKey(quick.store().replicaId()));
        succeed(c, SLOW, 1);
        await().atMost(PROPAGATION).until(() -> c.remoteCounts().equals(new WindowCounts(6, 0, 2)));
        assertThat(sharedSlowCalls()).isEqualTo(3);
        assertThat(replicas).as("3 slow of 7 calls").allMatch(replica -> replica.breaker().state() == BreakerState.CLOSED);

        succeed(c, SLOW, 1);

        assertThat(c.breaker().state()).as("4 slow of 8 calls, 2 of them here").isEqualTo(BreakerState.OPEN);
        assertThat(c.breaker().snapshot().reason()).isEqualTo(TransitionReason.SLOW_CALL_RATE);
        awaitState(replicas, BreakerState.OPEN);
        assertThat(replicas).allMatch(replica -> replica.breaker().totalSlowCalls() <= 2);
    }

    @Test
    void aTripOnOneReplicaMakesTheOthersRejectWithinMilliseconds() {
        List<Replica> replicas = connectedReplicas(3, BreakerConfig.builder().failureThreshold(3)
                .openDuration(Duration.ofSeconds(30)).build());
        Replica a = replicas.get(0);
        ConcurrentLinkedQueue<Long> opened = new ConcurrentLinkedQueue<>();
        replicas.subList(1, 3).forEach(replica -> replica.registry().addListener(transition -> {
            if (transition.to() == BreakerState.OPEN) {
                opened.add(System.nanoTime());
            }
        }));
        replicas.forEach(Replica::breaker);

        fail(a, 3);
        long tripped = System.nanoTime();

        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(1)).until(() -> opened.size() == 2);
        long slowest = opened.stream().mapToLong(at -> at - tripped).max().orElseThrow();
        System.out.printf("trip propagated to the other replicas in at most %.2f ms%n", slowest / 1e6);
        for (Replica other : replicas.subList(1, 3)) {
            assertThat(other.breaker().tryAcquire()).isNull();
            assertThat(other.breaker().retryAfter()).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void halfOpenProbesAreLimitedAcrossReplicas() throws Exception {
        BreakerConfig config = BreakerConfig.builder().failureThreshold(1).openDuration(Duration.ofSeconds(10))
                .halfOpenMaxCalls(2).halfOpenSuccessesToClose(2).build();
        // A generous wait, so that a slow machine never turns a probe away (that would only make fewer probes).
        List<Replica> replicas = connectedReplicas(3, config, store -> store.probeWait(Duration.ofMillis(500)));
        fail(replicas.get(0), 1);
        awaitState(replicas, BreakerState.OPEN);
        clock.advance(Duration.ofSeconds(10));

        List<Permit> first = concurrentCalls(replicas, 4);
        assertThat(first).as("probes admitted by 3 replicas x 4 callers at once").hasSize(2);
        assertThat(concurrentCalls(replicas, 4)).as("while two probes are out").isEmpty();

        first.forEach(Permit::onIgnored);
        await().atMost(PROPAGATION).until(() -> redis.admin().zcard(keys().probes) == 0);
        for (int round = 0; round < 10 && !allIn(replicas, BreakerState.CLOSED); round++) {
            List<Permit> probes = concurrentCalls(replicas, 4);
            assertThat(probes).hasSizeLessThanOrEqualTo(2);
            probes.forEach(Permit::onSuccess);
            await().atMost(PROPAGATION).until(() -> redis.admin().zcard(keys().probes) == 0 || allIn(replicas, BreakerState.CLOSED));
        }
        awaitState(replicas, BreakerState.CLOSED);
    }

    @Test
    void forcedStatesAndResetsReachEveryReplica() {
        List<Replica> replicas = connectedReplicas(3, BreakerConfig.builder().failureThreshold(2).build());
        Replica a = replicas.get(0);
        Replica b = replicas.get(1);
        replicas.forEach(Replica::breaker);

        a.breaker().forceOpen();
        await().atMost(PROPAGATION).until(() -> replicas.stream().allMatch(r -> r.breaker().isForced()
                && r.breaker().state() == BreakerState.OPEN));

        b.breaker().reset();
        await().atMost(PROPAGATION).until(() -> replicas.stream().allMatch(r -> !r.breaker().isForced()
                && r.breaker().state() == BreakerState.CLOSED));

        a.breaker().forceClosed();
        await().atMost(PROPAGATION).until(() -> replicas.stream().allMatch(r -> r.breaker().isForced()));
        fail(b, 5);
        assertThat(replicas).allMatch(replica -> replica.breaker().state() == BreakerState.CLOSED);
    }

    @Test
    void aReplicaStartedAfterATripSeesIt() {
        BreakerConfig config = BreakerConfig.builder().failureThreshold(1).openDuration(Duration.ofSeconds(30)).build();
        Replica a = connectedReplicas(1, config).get(0);
        fail(a, 1);
        a.breaker("/forced").forceOpen();
        await().atMost(PROPAGATION).until(() -> "OPEN".equals(redis.admin().hget(keys().state, "state")));
        clock.advance(Duration.ofSeconds(10));

        Replica late = replica(config);

        await().atMost(Duration.ofSeconds(2)).until(() -> late.breaker().state() == BreakerState.OPEN);
        assertThat(late.breaker().retryAfter()).isEqualTo(Duration.ofSeconds(20));
        await().atMost(PROPAGATION).until(() -> late.breaker("/forced").isForced());
    }

    @Test
    void onceTheOpenPeriodIsOverEveryReplicaReportsHalfOpenWithoutACall() {
        BreakerConfig config = BreakerConfig.builder().failureThreshold(3).openDuration(Duration.ofSeconds(30)).build();
        List<Replica> replicas = connectedReplicas(2, config);
        replicas.forEach(Replica::breaker);
        fail(replicas.get(0), 3);
        awaitState(replicas, BreakerState.OPEN);

        clock.advance(Duration.ofSeconds(30));

        assertThat(replicas).allMatch(replica -> replica.breaker().state() == BreakerState.HALF_OPEN);
        assertThat(replicas).allMatch(replica -> replica.breaker().totalRejections() == 0);
        Replica late = replica(config);
        // A replica that learns of the trip after its open period ended.
        await().atMost(Duration.ofSeconds(2)).until(() -> late.breaker().state() == BreakerState.HALF_OPEN);
    }

    @Test
    void keysCarryAHashTagPerBreakerAndExpire() {
        BreakerConfig config = BreakerConfig.builder().failureThreshold(2).windowDuration(Duration.ofSeconds(60))
                .openDuration(Duration.ofSeconds(30)).probeTimeout(Duration.ofSeconds(60)).build();
        Replica a = connectedReplicas(1, config).get(0);
        RedisKeys keys = keys();
        assertThat(keys.state).isEqualTo(prefix + "{anthropic//v1/messages}:state");

        fail(a, 1);
        await().atMost(PROPAGATION).until(() -> redis.admin().exists(keys.counts) == 1);
        assertThat(redis.admin().pttl(keys.counts)).isBetween(1L, 60_000L);

        fail(a, 1);
        await().atMost(PROPAGATION).until(() -> "OPEN".equals(redis.admin().hget(keys.state, "state")));
        assertThat(redis.admin().pttl(keys.state)).as("open period + probe timeout").isBetween(80_000L, 90_000L);
        assertThat(redis.admin().exists(keys.counts)).as("a trip empties every window").isZero();

        a.breaker().forceOpen();
        await().atMost(PROPAGATION).until(() -> "1".equals(redis.admin().hget(keys.state, "forced")));
        assertThat(redis.admin().pttl(keys.state)).as("a forced state holds until reset").isEqualTo(-1L);

        a.breaker().reset();
        await().atMost(PROPAGATION).until(() -> "CLOSED".equals(redis.admin().hget(keys.state, "state")));
        assertThat(redis.admin().pttl(keys.state)).isBetween(1L, 60_000L);
    }

    @Test
    void carriesOnLocallyWhileRedisIsDownAndConvergesWhenItComesBackEmpty() throws Exception {
        List<Replica> replicas = connectedReplicas(3, BreakerConfig.builder().failureThreshold(5).build());
        Replica a = replicas.get(0);
        replicas.forEach(Replica::breaker);

        Traffic traffic = Traffic.start(replicas.stream().map(r -> Caller.succeeding(() -> r.breaker("/steady"))).toList());
        redis.stop();
        await().atMost(Duration.ofSeconds(3)).until(() -> replicas.stream().noneMatch(r -> r.store().status().connected()));
        StoreStatus outage = a.store().status();
        assertThat(outage.detail()).isNotBlank();
        System.out.println("status during the outage: " + outage);

        long before = System.nanoTime();
        fail(a, 5);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(SLOWEST_CALL);
        assertThat(a.breaker().state()).as("the replica trips on its own").isEqualTo(BreakerState.OPEN);
        assertThat(replicas.get(1).breaker().state()).isEqualTo(BreakerState.CLOSED);

        redis.startServer(); // empty, on the same port
        await().atMost(Duration.ofSeconds(5)).until(() -> replicas.stream().allMatch(r -> r.store().status().connected()));
        awaitState(replicas, BreakerState.OPEN);
        assertThat(redis.admin().hget(keys().state, "state")).isEqualTo("OPEN");

        long callsBefore = traffic.calls();
        await().atMost(PROPAGATION).until(() -> traffic.calls() > callsBefore);
        traffic.close();
        System.out.println("outage test: " + traffic.summary());
        assertThat(traffic.errors()).isEmpty();
        assertThat(traffic.rejected()).isZero();
        assertThat(traffic.percentile(0.99)).isLessThan(P99_CALL);
        assertThat(traffic.slowestCall()).isLessThan(SLOWEST_CALL);
    }

    @Test
    void carriesOnWhileRedisIsPausedAndConvergesAfterwards() throws Exception {
        BreakerConfig config = BreakerConfig.builder().failureThreshold(5).openDuration(Duration.ofSeconds(10))
                .halfOpenMaxCalls(1).build();
        List<Replica> replicas = connectedReplicas(3, config);
        Replica a = replicas.get(0);
        replicas.forEach(Replica::breaker);
        // A breaker that is half-open everywhere, so that the traffic also asks Redis for probe leases.
        fail(a, "/probing", 5);
        await().atMost(PROPAGATION).until(() -> replicas.stream().allMatch(r -> r.breaker("/probing").state() == BreakerState.OPEN));
        clock.advance(Duration.ofSeconds(10));

        Traffic traffic = Traffic.start(replicas.stream().map(r -> Caller.succeeding(() -> r.breaker("/steady"))).toList());
        Traffic probing = Traffic.start(replicas.stream().map(r -> Caller.ignored(() -> r.breaker("/probing"))).toList());
        var pause = redis.pause(2);
        await().atMost(Duration.ofMillis(1500)).until(() -> replicas.stream().noneMatch(r -> r.store().status().connected()));
        System.out.println("status during the pause: " + a.store().status());

        fail(a, 5);
        assertThat(a.breaker().state()).isEqualTo(BreakerState.OPEN);

        pause.get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(3)).until(() -> replicas.stream().allMatch(r -> r.store().status().connected()));
        awaitState(replicas, BreakerState.OPEN);
        traffic.close();
        probing.close();
        System.out.println("pause test, closed path: " + traffic.summary());
        System.out.println("pause test, half-open:   " + probing.summary());
        assertThat(traffic.errors()).isEmpty();
        assertThat(probing.errors()).isEmpty();
        assertThat(traffic.percentile(0.99)).isLessThan(P99_CALL);
        assertThat(probing.percentile(0.99)).isLessThan(P99_PROBE);
        assertThat(traffic.slowestCall()).isLessThan(SLOWEST_CALL);
        assertThat(probing.slowestCall()).isLessThan(SLOWEST_CALL);
    }

    @Test
    void resyncsThousandsOfBreakersAfterARestartWithoutFlapping() {
        BreakerConfig config = BreakerConfig.builder().failureThreshold(1).maxBreakers(5_000).build();
        List<Replica> replicas = connectedReplicas(2, config);
        Replica many = replicas.get(0);
        Replica other = replicas.get(1);
        for (int i = 0; i < 3_000; i++) {
            many.breaker("/tenant-" + i);
        }
        other.breaker("/tenant-7");

        redis.stop();
        await().atMost(Duration.ofSeconds(3)).until(() -> !many.store().status().connected());
        fail(many, "/tenant-7", 1);
        redis.startServer();

        await().atMost(Duration.ofSeconds(10)).until(() -> other.breaker("/tenant-7").state() == BreakerState.OPEN);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> many.store().status().connected());
    }

    @Test
    void startsWithoutRedisAndSharesOnceItAppears() {
        EmbeddedRedis later = EmbeddedRedis.notStarted();
        try {
            BreakerConfig config = BreakerConfig.builder().failureThreshold(2).build();
            Replica a = replica(config, later.uri(), store -> store);
            assertThat(a.store().status().connected()).isFalse();

            long before = System.nanoTime();
            fail(a, 2);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(SLOWEST_CALL);
            assertThat(a.breaker().state()).isEqualTo(BreakerState.OPEN);

            later.startServer();
            await().atMost(Duration.ofSeconds(5)).until(() -> a.store().status().connected());
            Replica b = replica(config, later.uri(), store -> store);
            await().atMost(Duration.ofSeconds(5)).until(() -> b.breaker().state() == BreakerState.OPEN);
        } finally {
            later.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Replica(BreakerRegistry registry, RedisStateStore store) {

        Breaker breaker() {
            return breaker(KEY);
        }

        Breaker breaker(String key) {
            return registry.breaker(PROVIDER, key);
        }

        WindowCounts remoteCounts() {
            return store.remoteCounts(new BreakerId(PROVIDER, KEY));
        }
    }

    private Replica replica(BreakerConfig config) {
        return replica(config, redis.uri(), store -> store);
    }

    private Replica replica(BreakerConfig config, String uri, UnaryOperator<RedisStateStore.Builder> tweak) {
        RedisStateStore store = tweak.apply(RedisStateStore.builder().uri(uri).keyPrefix(prefix).clock(clock)
                .healthCheckInterval(Duration.ofMillis(200))).build();
        BreakerRegistry registry = BreakerRegistry.builder().provider(PROVIDER, config).clock(clock).store(store).build();
        registries.add(registry);
        return new Replica(registry, store);
    }

    private List<Replica> connectedReplicas(int count, BreakerConfig config) {
        return connectedReplicas(count, config, store -> store);
    }

    private List<Replica> connectedReplicas(int count, BreakerConfig config, UnaryOperator<RedisStateStore.Builder> tweak) {
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replicas.add(replica(config, redis.uri(), tweak));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> replicas.stream().allMatch(r -> r.store().status().connected()));
        return replicas;
    }

    private static void fail(Replica replica, int failures) {
        fail(replica, KEY, failures);
    }

    private static void fail(Replica replica, String key, int failures) {
        for (int i = 0; i < failures; i++) {
            replica.breaker(key).acquire().onFailure(529);
        }
    }

    private static void succeed(Replica replica, long latencyNanos, int times) {
        for (int i = 0; i < times; i++) {
            replica.breaker().acquire().onResult(CallResult.SUCCESS, latencyNanos);
        }
    }

    private static void awaitState(List<Replica> replicas, BreakerState state) {
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(2)).until(() -> allIn(replicas, state));
    }

    private static boolean allIn(List<Replica> replicas, BreakerState state) {
        return replicas.stream().allMatch(replica -> replica.breaker().state() == state);
    }

    /** {@code callersEach} threads per replica call the breaker at the same moment; the admitted permits. */
    private static List<Permit> concurrentCalls(List<Replica> replicas, int callersEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(replicas.size() * callersEach);
        try {
            CountDownLatch start = new CountDownLatch(1);
            ConcurrentLinkedQueue<Permit> admitted = new ConcurrentLinkedQueue<>();
            List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
            for (Replica replica : replicas) {
                Breaker breaker = replica.breaker();
                for (int i = 0; i < callersEach; i++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        Permit permit = breaker.tryAcquire();
                        if (permit != null) {
                            admitted.add(permit);
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (var call : calls) {
                call.get(5, TimeUnit.SECONDS);
            }
            return List.copyOf(admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    private RedisKeys keys() {
        return new RedisKeys(prefix, new BreakerId(PROVIDER, KEY));
    }

    private Map<String, String> sharedCounts() {
        return redis.admin().hgetall(keys().counts);
    }

    /** Fields are "calls failures slow-calls time". */
    private int sharedFailures() {
        return sharedCounts().values().stream().mapToInt(value -> Integer.parseInt(value.split(" ")[1])).sum();
    }

    private int sharedSlowCalls() {
        return sharedCounts().values().stream().mapToInt(value -> Integer.parseInt(value.split(" ")[2])).sum();
    }

    private static boolean isRunning() {
        try {
            return redis.admin().ping() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

}
