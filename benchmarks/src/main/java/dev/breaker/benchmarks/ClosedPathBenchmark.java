package dev.breaker.benchmarks;

import dev.breaker.benchmarks.Contender.Guard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The closed path of a circuit breaker: acquire permission for a call, then record its outcome. One
 * breaker is shared by every benchmark thread; each thread fails one call in every n (see
 * {@link FailureMix}: 0 %, 1 %, 10 %, 50 %, and one in 150, which fills the 100-call window with a
 * failure and empties it again over and over), never enough to trip it. Ours is compared with
 * resilience4j, Failsafe and no breaker at all.
 *
 * <pre>{@code
 * mvn -q -B -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar ClosedPath -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s -rf json -rff closed-path.json
 * }</pre>
 * One thread is measured in average time (ns/op), two threads in throughput (ops/µs, both threads
 * together): the units of the targets; {@code -bm avgt,thrpt} measures both for both.
 * {@code -prof gc} reports the bytes allocated per call as {@code gc.alloc.rate.norm}. Add
 * {@code -p contender=PROVIDER_BREAKER,R4J_COUNT_SYNCHRONIZED -p failures=10%} to run fewer. On a busy
 * machine add {@code -prof 'perfnorm:events=task-clock'}: CPU time per call does not grow while a
 * thread waits for a core (see BENCHMARKS.md).
 */
@State(Scope.Benchmark)
// A small, pre-touched heap: on a VM the first touch of a heap page is slow (here about 25 µs per
// 4 KB page), and a contender that allocates 200 B per call would pay it inside the measurement
// (resilience4j's lock-free window measured 3-5 µs per call that way, 270 ns with a pre-touched heap).
@Fork(value = 1, jvmArgsAppend = {"-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClosedPathBenchmark {

    /**
     * The time-based resilience4j windows ({@code R4J_TIME_*}) and {@code PROVIDER_BREAKER_SLOW_MIX}
     * are left out unless asked for.
     */
    @Param({
        "NO_BREAKER",
        "PROVIDER_BREAKER",
        "PROVIDER_BREAKER_SLOW_JUDGED",
        "R4J_COUNT_SYNCHRONIZED",
        "R4J_COUNT_LOCK_FREE",
        "FAILSAFE_COUNT",
    })
    Contender contender;

    @Param({"0%", "1%", "10%", "50%", "1/150"})
    String failures;

    FailureMix mix;
    Guard guard;

    @Setup
    public void setup() {
        mix = FailureMix.of(failures);
        guard = contender.create(mix.tripPercent);
    }

    @TearDown
    public void checkStillClosed() {
        if (!guard.isClosed()) {
            throw new IllegalStateException(contender + " left the closed state or rejected a call: "
                    + "the numbers do not measure the closed path");
        }
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void oneThread(Caller caller) {
        caller.call(guard);
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void twoThreads(Caller caller) {
        caller.call(guard);
    }

    /** One benchmark thread: fails every n-th call, with a countdown rather than a division. */
    @State(Scope.Thread)
    public static class Caller {

        long failureEvery;
        long untilFailure;

        @Setup
        public void setup(ClosedPathBenchmark benchmark) {
            failureEvery = benchmark.mix.failureEvery == 0 ? Long.MAX_VALUE : benchmark.mix.failureEvery;
            untilFailure = failureEvery;
        }

        void call(Guard guard) {
            if (--untilFailure == 0) {
                untilFailure = failureEvery;
                guard.fail();
            } else {
                guard.succeed();
            }
        }
    }
}
