package dev.breaker.benchmarks.slow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Function;

/**
 * The slow phase of an outage, side by side: a provider whose time to first token climbs from 300 ms
 * to 8 s while every answer is still a 200, and answers whose generations run 0.5–6 s whatever the
 * load. Ours judges the time to first token; resilience4j times the whole call, once with the same
 * threshold and once with one above the longest healthy call. Every breaker sees the same calls (same
 * arrivals, same first-token times, same generations) on a virtual clock, so a run takes a fraction of
 * a second, repeats exactly, and needs no quiet machine.
 *
 * <p>Run: {@code bash benchmarks-http/run-slow-phase.sh}.
 */
public final class SlowPhaseSimulation {

    static final Duration SLOW = Duration.ofSeconds(2);

    private SlowPhaseSimulation() {
    }

    public static void main(String[] args) {
        System.out.println(table(SlowPhase.standard(), run(SlowPhase.standard(), 42)));
    }

    /** Every contender through the same calls. */
    static List<SlowResult> run(SlowPhase phase, long seed) {
        List<Function<VirtualTime, SlowContender>> contenders = List.of(
                time -> new OurSlowContender(time.manual(), SLOW),
                time -> new Resilience4jSlowContender(time, SLOW),
                time -> new Resilience4jSlowContender(time, Duration.ofMillis(phase.healthyTtft() + phase.maxGeneration()
                        + 1_000)));
        List<SlowResult> results = new ArrayList<>();
        for (Function<VirtualTime, SlowContender> contender : contenders) {
            VirtualTime time = new VirtualTime();
            results.add(run(phase, new Random(seed), time, contender.apply(time)));
        }
        return results;
    }

    private record Completion(long at, Object permit, long ttft, long total) {
    }

    static SlowResult run(SlowPhase phase, Random random, VirtualTime time, SlowContender contender) {
        PriorityQueue<Completion> running = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
        int healthyRefused = 0;
        int opensWhileHealthy = 0;
        long openedAfter = -1;
        long ttftAtOpen = -1;
        int admittedSlow = 0;
        int admittedInSlowPhase = 0;
        int refusedAfterRecovery = 0;
        boolean wasRefusing = false;
        for (long at = 0; at < phase.end(); at += phase.interval()) {
            long ttft = phase.ttft(at);
            long generation = phase.generation(random);
            while (!running.isEmpty() && running.peek().at <= at) {
                Completion done = running.poll();
                time.advanceTo(done.at);
                contender.ended(done.permit, done.ttft, done.total);
            }
            time.advanceTo(at);
            boolean refusing = contender.refusing();
            if (refusing && !wasRefusing && at < phase.slowStart()) {
                opensWhileHealthy++;
            }
            if (refusing && openedAfter < 0 && at >= phase.slowStart()) {
                openedAfter = at - phase.slowStart();
                ttftAtOpen = ttft;
            }
            wasRefusing = refusing;
            Object permit = contender.admit();
            if (permit == null) {
                if (at < phase.slowStart()) {
                    healthyRefused++;
                } else if (at >= phase.slowEnd()) {
                    refusedAfterRecovery++;
                }
                continue;
            }
            if (at >= phase.slowStart() && at < phase.slowEnd()) {
                admittedInSlowPhase++;
                if (ttft >= SLOW.toMillis()) {
                    admittedSlow++;
                }
            }
            long total = ttft + generation;
            running.add(new Completion(at + contender.reportsAfter(permit, ttft, total), permit, ttft, total));
        }
        return new SlowResult(contender.label(), healthyRefused, opensWhileHealthy, openedAfter, ttftAtOpen,
                admittedSlow, admittedInSlowPhase, refusedAfterRecovery);
    }

    static String table(SlowPhase phase, List<SlowResult> results) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%d calls/s; healthy %d s (first token %d ms), slow %d s (first token %d ms → %d ms), recovered %d s; "
                        + "generations %.1f–%.1f s; \"slow\" = first token ≥ %d ms%n%n",
                phase.callsPerSecond(), phase.healthyMillis() / 1000, phase.healthyTtft(), phase.slowMillis() / 1000,
                phase.healthyTtft(), phase.peakTtft(), phase.recoveredMillis() / 1000, phase.minGeneration() / 1000.0,
                phase.maxGeneration() / 1000.0, SLOW.toMillis()));
        table.append("| breaker | refused while healthy | opened while healthy | opened after the slow phase began "
                + "| first token then | admitted in the slow phase (of them slow) | refused after recovery |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (SlowResult result : results) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %d (%d) | %d |%n", result.label(),
                    result.healthyRefused(), result.opensWhileHealthy(),
                    result.openedAfterMillis() < 0 ? "never" : String.format(Locale.ROOT, "%.1f s", result.openedAfterMillis() / 1000.0),
                    result.ttftAtOpen() < 0 ? "–" : result.ttftAtOpen() + " ms",
                    result.admittedInSlowPhase(), result.admittedSlow(), result.refusedAfterRecovery()));
        }
        return table.toString();
    }
}
