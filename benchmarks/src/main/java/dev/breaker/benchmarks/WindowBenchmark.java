package dev.breaker.benchmarks;

import dev.breaker.core.Breaker;
import dev.breaker.core.CallResult;
import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.window.OutcomeWindow;
import dev.breaker.core.window.WindowCounts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Where the time of the 50 % mix goes: a success then a failure, into the window alone and through
 * the whole breaker, and two successes into the window for comparison. One window or breaker is
 * shared by the benchmark threads, as in {@link ClosedPathBenchmark}. Each invocation is two calls.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar WindowBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof 'perfnorm:events=task-clock'
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WindowBenchmark {

    private static final CallResult FAILURE = CallResult.failure(503, null);

    private final BreakerClock clock = BreakerClock.system();
    private OutcomeWindow window;
    private Breaker breaker;

    @Setup
    public void setup() {
        window = new OutcomeWindow(Contender.WINDOW_CALLS, Contender.PROVIDER_WINDOW.toNanos(),
                clock.nanoTime());
        breaker = Breaker.of("bench", "*", Contender.providerBreakerConfig(FailureMix.HALF.tripPercent));
    }

    @Benchmark
    @Threads(1)
    public void windowTwoSuccesses(Blackhole hole) {
        twoSuccesses(hole);
    }

    @Benchmark
    @Threads(1)
    public void windowSuccessThenFailure(Blackhole hole) {
        successThenFailure(hole);
    }

    @Benchmark
    @Threads(1)
    public void breakerSuccessThenFailure() {
        breakerSuccessThenFailure2();
    }

    @Benchmark
    @Threads(2)
    public void windowTwoSuccesses2(Blackhole hole) {
        twoSuccesses(hole);
    }

    @Benchmark
    @Threads(2)
    public void windowSuccessThenFailure2(Blackhole hole) {
        successThenFailure(hole);
    }

    @Benchmark
    @Threads(2)
    public void breakerSuccessThenFailure2() {
        breaker.tryAcquire().onSuccess();
        breaker.tryAcquire().onResult(FAILURE);
    }

    private void twoSuccesses(Blackhole hole) {
        hole.consume(window.recordSuccess(clock.nanoTime()));
        hole.consume(window.recordSuccess(clock.nanoTime()));
    }

    private void successThenFailure(Blackhole hole) {
        hole.consume(window.recordSuccess(clock.nanoTime()));
        WindowCounts counts = window.recordFailure(clock.nanoTime());
        hole.consume(counts.calls());
        hole.consume(counts.failures());
    }
}
