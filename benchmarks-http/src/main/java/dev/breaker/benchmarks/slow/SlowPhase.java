package dev.breaker.benchmarks.slow;

import java.util.Random;

/**
 * An LLM provider that slows down before it fails: every answer is a 200 stream, but in the slow phase
 * its time to first token climbs from {@code healthyTtft} to {@code peakTtft}, then it recovers. The
 * generation after the first token takes as long as the answer is long, whatever the provider's load:
 * between {@code minGeneration} and {@code maxGeneration}, drawn per call.
 *
 * @param callsPerSecond the callers' steady arrival rate (open loop)
 * @param healthyMillis the healthy lead-in
 * @param slowMillis the slow phase: time to first token rises linearly over it
 * @param recoveredMillis the tail after the provider recovered
 */
record SlowPhase(int callsPerSecond, long healthyMillis, long slowMillis, long recoveredMillis, long healthyTtft,
                 long peakTtft, long minGeneration, long maxGeneration) {

    static SlowPhase standard() {
        return new SlowPhase(20, 60_000, 60_000, 30_000, 300, 8_000, 500, 6_000);
    }

    long slowStart() {
        return healthyMillis;
    }

    long slowEnd() {
        return healthyMillis + slowMillis;
    }

    long end() {
        return slowEnd() + recoveredMillis;
    }

    long interval() {
        return 1_000 / callsPerSecond;
    }

    /** The provider's time to first token for a call that arrives at {@code at}. */
    long ttft(long at) {
        if (at < slowStart() || at >= slowEnd()) {
            return healthyTtft;
        }
        return healthyTtft + (peakTtft - healthyTtft) * (at - slowStart()) / slowMillis;
    }

    long generation(Random random) {
        return minGeneration + (long) (random.nextDouble() * (maxGeneration - minGeneration));
    }
}
