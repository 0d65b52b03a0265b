package dev.breaker.benchmarks;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerId;
import dev.breaker.core.CallResult;
import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.event.TransitionLog;
import dev.breaker.core.store.InMemoryStateStore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.util.Multiset;
import org.openjdk.jol.vm.VM;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The heap an idle, closed breaker retains, measured with JOL: what one more breaker of the same
 * provider costs. Ours is compared with resilience4j and Failsafe, configured as in
 * {@link ClosedPathBenchmark}.
 *
 * <pre>{@code
 * mvn -q -B -DskipTests package -pl benchmarks -am
 * java -Djdk.attach.allowAttachSelf=true -cp benchmarks/target/benchmarks.jar dev.breaker.benchmarks.IdleBreakerFootprint
 * }</pre>
 * The attach flag lets JOL ask the VM for object sizes through {@code Instrumentation}; without it
 * JOL computes them from the field layout, and prints a warning.
 *
 * <h2>What is counted</h2>
 * Two breakers {@code a} and {@code b} are built alike, from one config object, and each records a
 * few successes. The size of {@code a} is then {@code totalSize(a ∪ b) - totalSize(b)}: every
 * object reachable from {@code a} through instance fields and not reachable from {@code b}. Whatever
 * breakers share is thereby left out, whoever shares it: the config and what it holds, the clock,
 * the store, singleton lambdas, interned strings, enum constants. What is per breaker stays in,
 * such as its id and name strings and its own {@code TransitionLog} (as {@code Breakers.standalone} makes one).
 * Static fields and objects only a thread's stack reaches are never counted.
 *
 * <p>The second measurement is taken after two threads hammered {@code a} at the same time: a
 * striped counter that met contention keeps its stripes, each padded against false sharing, for the
 * rest of its life. The third is taken after that, once {@code a} has also seen failures (one call in
 * ten for {@value #FAILING_CALLS} calls, the window still holding them): whatever a window keeps
 * about failures is counted too. {@code PROVIDER_BREAKER_SLOW} judges slow calls, and its failing
 * calls are slow failures: whatever a window keeps about slow calls is counted as well.
 */
public final class IdleBreakerFootprint {

    private static final int WARM_SUCCESSES = 5;
    private static final long CONTENDED_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int FAILING_CALLS = 100;

    private IdleBreakerFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Records and hidden classes (lambdas) refuse Unsafe.objectFieldOffset; JOL has a way around it.
        if (System.getProperty("jol.magicFieldOffset") == null) {
            System.setProperty("jol.magicFieldOffset", "true");
        }
        System.out.println(VM.current().details());
        List<Subject<?>> subjects = List.of(
                providerBreaker(),
                providerBreakerJudgingSlowCalls(),
                r4j("R4J_COUNT_SYNCHRONIZED", SlidingWindowType.COUNT_BASED, SlidingWindowSynchronizationStrategy.SYNCHRONIZED),
                r4j("R4J_COUNT_LOCK_FREE", SlidingWindowType.COUNT_BASED, SlidingWindowSynchronizationStrategy.LOCK_FREE),
                r4j("R4J_TIME_SYNCHRONIZED", SlidingWindowType.TIME_BASED, SlidingWindowSynchronizationStrategy.SYNCHRONIZED),
                r4j("R4J_TIME_LOCK_FREE", SlidingWindowType.TIME_BASED, SlidingWindowSynchronizationStrategy.LOCK_FREE),
                failsafe());

        System.out.printf("%-24s %12s %18s %16s%n", "breaker", "idle bytes", "after contention", "after failures");
        List<String> histograms = new ArrayList<>();
        for (Subject<?> subject : subjects) {
            Measured measured = subject.measure();
            System.out.printf("%-24s %12d %18d %16d%n", subject.name, measured.idle, measured.contended,
                    measured.failed);
            histograms.add(subject.name + " (idle)\n" + measured.idleHistogram
                    + subject.name + " (after contention)\n" + measured.contendedHistogram
                    + subject.name + " (after failures)\n" + measured.failedHistogram);
        }
        System.out.println();
        System.out.println("Objects counted, per class: count, bytes");
        histograms.forEach(System.out::println);
    }

    /**
     * The system clock, read through a wrapper without fields. Shared by every breaker, it is left
     * out of the count anyway; but it references its ticker thread, and through it a class loader
     * whose graph grows while JOL walks it (by the classes JOL loads), so the two walks of
     * {@link #retained} would not see the same shared part.
     */
    private static final BreakerClock SYSTEM_CLOCK = new BreakerClock() {
        @Override
        public long nanoTime() {
            return BreakerClock.system().nanoTime();
        }

        @Override
        public long wallMillis() {
            return BreakerClock.system().wallMillis();
        }

        @Override
        public void requireStep(Duration step) {
            BreakerClock.system().requireStep(step);
        }
    };

    private static Subject<Breaker> providerBreaker() {
        BreakerConfig config = Contender.providerBreakerConfig(Contender.TRIP_PERCENT);
        // As Breakers.standalone builds one (its own TransitionLog, the in-memory store), on the wrapped clock.
        return new Subject<>("PROVIDER_BREAKER", key -> new Breaker(new BreakerId("bench", key), config, SYSTEM_CLOCK,
                new TransitionLog(), InMemoryStateStore.INSTANCE),
                breaker -> breaker.tryAcquire().onSuccess(), breaker -> breaker.tryAcquire().onFailure(503));
    }

    /**
     * Ours with {@code slow-call-duration} set: its slow-call total, and a second plane in the bitmap
     * once it has seen a failure or a slow call. Its failing calls are slow failures, so that both
     * planes hold something.
     */
    private static Subject<Breaker> providerBreakerJudgingSlowCalls() {
        BreakerConfig config = Contender.slowJudgingConfig(Contender.TRIP_PERCENT);
        CallResult failure = CallResult.failure(503, null);
        long slow = Contender.SLOW_CALL.toNanos();
        return new Subject<>("PROVIDER_BREAKER_SLOW", key -> new Breaker(new BreakerId("bench", key), config,
                SYSTEM_CLOCK, new TransitionLog(), InMemoryStateStore.INSTANCE),
                breaker -> breaker.tryAcquire().onResult(CallResult.SUCCESS, Contender.QUICK_NANOS),
                breaker -> breaker.tryAcquire().onResult(failure, slow));
    }

    private static Subject<CircuitBreaker> r4j(String name, SlidingWindowType type,
                                               SlidingWindowSynchronizationStrategy strategy) {
        CircuitBreakerConfig config = Contender.r4jConfig(type, strategy, Contender.TRIP_PERCENT);
        Exception failure = new IllegalStateException("503");
        return new Subject<>(name, key -> CircuitBreaker.of(key, config), breaker -> {
            if (breaker.tryAcquirePermission()) {
                breaker.onSuccess(0, TimeUnit.NANOSECONDS);
            }
        }, breaker -> {
            if (breaker.tryAcquirePermission()) {
                breaker.onError(0, TimeUnit.NANOSECONDS, failure);
            }
        });
    }

    private static Subject<dev.failsafe.CircuitBreaker<Object>> failsafe() {
        dev.failsafe.CircuitBreakerConfig<Object> config = dev.failsafe.CircuitBreaker.builder()
                .withFailureThreshold(Contender.TRIP_PERCENT, Contender.WINDOW_CALLS)
                .build()
                .getConfig();
        return new Subject<>("FAILSAFE_COUNT", key -> dev.failsafe.CircuitBreaker.builder(config).build(), breaker -> {
            if (breaker.tryAcquirePermit()) {
                breaker.recordSuccess();
            }
        }, breaker -> {
            if (breaker.tryAcquirePermit()) {
                breaker.recordFailure();
            }
        });
    }

    private record Measured(long idle, String idleHistogram, long contended, String contendedHistogram,
                            long failed, String failedHistogram) {
    }

    /** One kind of breaker: how to build one for a key, and one successful and one failed call through it. */
    private record Subject<B>(String name, Function<String, B> factory, Consumer<B> success, Consumer<B> failure) {

        Measured measure() throws InterruptedException {
            B a = factory.apply("key-a");
            B b = factory.apply("key-b");
            for (int i = 0; i < WARM_SUCCESSES; i++) {
                success.accept(a);
                success.accept(b);
            }
            long idle = retained(a, b);
            String idleHistogram = histogram(a, b);

            CyclicBarrier start = new CyclicBarrier(2);
            Runnable hammer = () -> {
                await(start);
                long end = System.nanoTime() + CONTENDED_NANOS;
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 1_000; i++) {
                        success.accept(a);
                    }
                }
            };
            Thread first = new Thread(hammer);
            Thread second = new Thread(hammer);
            first.start();
            second.start();
            first.join();
            second.join();
            long contended = retained(a, b);
            String contendedHistogram = histogram(a, b);

            for (int i = 0; i < FAILING_CALLS; i++) {
                (i % 10 == 0 ? failure : success).accept(a);
            }
            return new Measured(idle, idleHistogram, contended, contendedHistogram, retained(a, b), histogram(a, b));
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes reachable from {@code a} and not from {@code b}. */
    static long retained(Object a, Object b) {
        return GraphLayout.parseInstance(a, b).totalSize() - GraphLayout.parseInstance(b).totalSize();
    }

    /** The objects {@link #retained} counts, per class. */
    static String histogram(Object a, Object b) {
        GraphLayout both = GraphLayout.parseInstance(a, b);
        GraphLayout shared = GraphLayout.parseInstance(b);
        Multiset<Class<?>> counts = both.getClassCounts();
        Multiset<Class<?>> sizes = both.getClassSizes();
        StringBuilder out = new StringBuilder();
        both.getClasses().stream()
                .filter(type -> sizes.count(type) > shared.getClassSizes().count(type))
                .sorted(Comparator.comparingLong((Class<?> type) ->
                        sizes.count(type) - shared.getClassSizes().count(type)).reversed())
                .forEach(type -> out.append(String.format("  %6d %8d  %s%n",
                        counts.count(type) - shared.getClassCounts().count(type),
                        sizes.count(type) - shared.getClassSizes().count(type),
                        type.getName())));
        return out.toString();
    }
}
