package dev.breaker.benchmarks;

import dev.breaker.core.Breaker;
import dev.breaker.core.CallResult;
import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.registry.Breakers;
import dev.breaker.core.window.OutcomeWindow;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Where a call's time goes, one thread: the same failure mixes as {@link ClosedPathBenchmark}, into
 * the window alone ({@code window}) and through the whole breaker ({@code breaker}, as
 * {@code PROVIDER_BREAKER} there). The difference is the breaker's own share: the state read, the
 * permit, and for a failure {@code Breaker.countFailure} and the trip rules.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar WindowBenchmark -prof 'perfnorm:events=task-clock' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WindowBenchmark {

    private static final CallResult FAILURE = CallResult.failure(503, null);

    @Param({"0%", "1%", "10%", "50%", "1/150"})
    String failures;

    private final BreakerClock clock = BreakerClock.system();
    private OutcomeWindow window;
    private Breaker breaker;
    private long failureEvery;
    private long untilFailure;

    @Setup
    public void setup() {
        FailureMix mix = FailureMix.of(failures);
        window = new OutcomeWindow(Contender.WINDOW_CALLS, Contender.PROVIDER_WINDOW.toNanos(), clock.nanoTime());
        breaker = Breakers.standalone("bench", "*", Contender.providerBreakerConfig(mix.tripPercent));
        failureEvery = mix.failureEvery == 0 ? Long.MAX_VALUE : mix.failureEvery;
        untilFailure = failureEvery;
    }

    @Benchmark
    public void window(Blackhole hole) {
        if (--untilFailure == 0) {
            untilFailure = failureEvery;
            hole.consume(window.recordFailure(clock.nanoTime(), false));
        } else {
            hole.consume(window.recordSuccess(clock.nanoTime()));
        }
    }

    @Benchmark
    public void breaker() {
        if (--untilFailure == 0) {
            untilFailure = failureEvery;
            breaker.tryAcquire().onResult(FAILURE);
        } else {
            breaker.tryAcquire().onSuccess();
        }
    }
}
