package dev.breaker.benchmarks.outage;

import dev.breaker.benchmarks.env.Machine;
import dev.breaker.benchmarks.outage.Resilience4jFailover.Fallback;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * The failover run of the outage simulation: the same outage of the primary upstream (one replica),
 * with a second, healthy upstream to fall back to, and the share of callers who still got an answer.
 * Every contender calls through Spring's {@code RestClient} on the JDK HTTP client, blocking, as an
 * application's request threads would, and is asked at the same instants:
 * <ul>
 *   <li>ours without failover (the breaker alone: what callers get when a breaker is all there is);</li>
 *   <li>ours with failover: the starter's {@code FallbackChatModel}, as {@code breaker.fallback.chat-models}
 *       builds it;</li>
 *   <li>resilience4j with its README's fallback, and with a fallback on every exception.</li>
 * </ul>
 */
final class FailoverSimulation {

    private FailoverSimulation() {
    }

    /** Runs the outage after {@code warmUp} of healthy calls through every contender; returns the Markdown table. */
    static String run(Scenario scenario, Duration warmUp) throws IOException, InterruptedException {
        String load = Machine.loadAverage();
        long start = System.nanoTime() + 1_000_000_000L + warmUp.toNanos(); // 1 s to build everything below
        ExecutorService httpThreads = daemons("failover-http");
        ExecutorService callerThreads = daemons("failover-caller");
        List<String> labels = List.of("ours, no failover", "ours, failover (FallbackChatModel)",
                "resilience4j 2.4.0 + README fallback", "resilience4j 2.4.0 + fallback on every exception");
        List<Recorder> primaries = new ArrayList<>();
        List<FailoverRecorder> callers = new ArrayList<>();
        for (String label : labels) {
            primaries.add(new Recorder(label, 1, scenario.buckets(), start));
            callers.add(new FailoverRecorder(label, scenario.buckets()));
        }
        Duration timeout = scenario.clientTimeout();
        try (FlakyUpstream primary = new FlakyUpstream(scenario, primaries, start);
             SteadyUpstream fallback = new SteadyUpstream(scenario.okLatency())) {
            List<FailoverContender> contenders = List.of(
                    new OurFailover(labels.get(0), primaries.get(0), primary.uri(0), null, timeout, httpThreads),
                    new OurFailover(labels.get(1), primaries.get(1), primary.uri(1), fallback.uri(1), timeout, httpThreads),
                    new Resilience4jFailover(labels.get(2), Fallback.README_EXCEPTIONS, primaries.get(2), primary.uri(2),
                            fallback.uri(2), timeout, httpThreads),
                    new Resilience4jFailover(labels.get(3), Fallback.EVERY_EXCEPTION, primaries.get(3), primary.uri(3),
                            fallback.uri(3), timeout, httpThreads));
            drive(scenario, contenders, callers, start, warmUp, callerThreads);
        } finally {
            callerThreads.shutdownNow();
            httpThreads.shutdownNow();
        }
        List<FailoverResult> results = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            results.add(FailoverResult.of(callers.get(i), primaries.get(i), scenario));
        }
        return FailoverSummary.table(load, scenario, results);
    }

    /**
     * Asks every contender once per call interval, on a thread of its own (open loop: a call is asked on
     * schedule whatever happened to the earlier ones), from {@code warmUp} before the start to the end,
     * then waits for the last answers: a primary's time-out, then the fallback's.
     */
    private static void drive(Scenario scenario, List<FailoverContender> contenders, List<FailoverRecorder> callers,
                              long start, Duration warmUp, ExecutorService callerThreads) throws InterruptedException {
        long interval = scenario.callInterval();
        for (long i = -(warmUp.toNanos() / interval); i * interval < scenario.end(); i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            for (int c = 0; c < contenders.size(); c++) {
                FailoverContender contender = contenders.get(c);
                FailoverRecorder recorder = callers.get(c);
                callerThreads.execute(() -> ask(scenario, contender, recorder, start));
            }
        }
        Thread.sleep(2 * scenario.clientTimeout().toMillis() + 500);
    }

    private static void ask(Scenario scenario, FailoverContender contender, FailoverRecorder recorder, long start) {
        long asked = System.nanoTime();
        boolean answered = false;
        boolean byFallback = false;
        try {
            byFallback = contender.ask();
            answered = true;
        } catch (RuntimeException noAnswer) {
            // the caller got an error
        }
        long at = asked - start;
        recorder.ended(at, answered, byFallback, System.nanoTime() - asked, scenario.phaseAt(at).failing());
    }

    private static ExecutorService daemons(String name) {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
