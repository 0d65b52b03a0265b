package dev.breaker.benchmarks.outage;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What the callers of one failover contender got, per 100 ms bucket of the time they asked: an
 * answer from the primary, an answer from the fallback, or none; and, for calls asked during the
 * outage, how long each answer took. Written by many threads at once.
 */
final class FailoverRecorder {

    final String name;
    final AtomicIntegerArray answeredByPrimary;
    final AtomicIntegerArray answeredByFallback;
    final AtomicIntegerArray unanswered;
    private final ConcurrentLinkedQueue<Long> outageAnswerNanos = new ConcurrentLinkedQueue<>();

    FailoverRecorder(String name, int buckets) {
        this.name = name;
        this.answeredByPrimary = new AtomicIntegerArray(buckets);
        this.answeredByFallback = new AtomicIntegerArray(buckets);
        this.unanswered = new AtomicIntegerArray(buckets);
    }

    /**
     * One caller's call, asked at {@code askedAt} (nanoseconds since the start of the run).
     *
     * @param answered whether it got an answer
     * @param byFallback whether the fallback upstream gave it
     * @param tookNanos how long the caller waited
     * @param duringOutage whether it was asked while the primary failed
     */
    void ended(long askedAt, boolean answered, boolean byFallback, long tookNanos, boolean duringOutage) {
        int bucket = Scenario.bucketOf(askedAt);
        if (bucket < 0 || bucket >= unanswered.length()) {
            return;
        }
        if (!answered) {
            unanswered.incrementAndGet(bucket);
            return;
        }
        (byFallback ? answeredByFallback : answeredByPrimary).incrementAndGet(bucket);
        if (duringOutage) {
            outageAnswerNanos.add(tookNanos);
        }
    }

    /** How long each answer to a call asked during the outage took, shortest first. */
    long[] outageAnswerNanos() {
        long[] nanos = outageAnswerNanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(nanos);
        return nanos;
    }
}
