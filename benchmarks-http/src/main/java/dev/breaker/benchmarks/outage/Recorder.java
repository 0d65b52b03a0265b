package dev.breaker.benchmarks.outage;

import dev.breaker.core.BreakerState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What happened to one contender during a run, per 100 ms bucket: requests the upstream received
 * (split by whether the breaker admitted them while closed or as half-open probes), calls the
 * breaker rejected, and every state change of every replica. Written by many threads at once.
 */
final class Recorder {

    /** One state change of one replica's breaker, in nanoseconds since the start of the run. */
    record Transition(int replica, long at, BreakerState to) {
    }

    final String name;
    final int replicas;
    final long startNanos;
    final AtomicIntegerArray receivedClosed;
    final AtomicIntegerArray receivedProbes;
    final AtomicIntegerArray rejected;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger closedFailures = new AtomicInteger();
    private final AtomicInteger inFlightAtThreshold = new AtomicInteger(-1);
    private final Queue<Transition> transitions = new ConcurrentLinkedQueue<>();

    Recorder(String name, int replicas, int buckets, long startNanos) {
        this.name = name;
        this.replicas = replicas;
        this.startNanos = startNanos;
        this.receivedClosed = new AtomicIntegerArray(buckets);
        this.receivedProbes = new AtomicIntegerArray(buckets);
        this.rejected = new AtomicIntegerArray(buckets);
    }

    long now() {
        return System.nanoTime() - startNanos;
    }

    void received(long at, boolean probe) {
        count(probe ? receivedProbes : receivedClosed, at);
    }

    void rejected(long at) {
        count(rejected, at);
    }

    /** A call is about to ask its breaker: counted in flight from before it is admitted. */
    void starting() {
        inFlight.incrementAndGet();
    }

    /** A call was rejected, or its outcome has been reported to its breaker. */
    void ended() {
        inFlight.decrementAndGet();
    }

    /**
     * A call admitted while its breaker was closed came back failed, and is about to be reported.
     * When that makes {@code threshold} such failures (all replicas together), notes how many other
     * calls are in flight: a breaker that opens on that failure still lets those through, and no more.
     */
    void closedCallFailed(int threshold) {
        if (closedFailures.incrementAndGet() == threshold) {
            inFlightAtThreshold.set(inFlight.get() - 1);
        }
    }

    /** The calls in flight when the threshold-th failure came back, or 0 if it never did. */
    int inFlightAtThreshold() {
        return Math.max(0, inFlightAtThreshold.get());
    }

    void stateChanged(int replica, BreakerState to) {
        stateChanged(replica, now(), to);
    }

    /** A state change at {@code at} nanoseconds since the start of the run. */
    void stateChanged(int replica, long at, BreakerState to) {
        transitions.add(new Transition(replica, at, to));
    }

    List<Transition> transitions() {
        List<Transition> sorted = new ArrayList<>(transitions);
        sorted.sort(Comparator.comparingLong(Transition::at));
        return sorted;
    }

    /** Each replica's state at the end of each bucket: {@code [replica][bucket]}. */
    BreakerState[][] statesPerBucket() {
        int buckets = rejected.length();
        BreakerState[][] states = new BreakerState[replicas][buckets];
        List<Transition> sorted = transitions();
        for (int replica = 0; replica < replicas; replica++) {
            BreakerState state = BreakerState.CLOSED;
            int next = 0;
            for (int bucket = 0; bucket < buckets; bucket++) {
                long bucketEnd = (bucket + 1) * Scenario.BUCKET.toNanos();
                while (next < sorted.size() && sorted.get(next).at() < bucketEnd) {
                    Transition t = sorted.get(next++);
                    if (t.replica() == replica) {
                        state = t.to();
                    }
                }
                states[replica][bucket] = state;
            }
        }
        return states;
    }

    int received(int bucket) {
        return receivedClosed.get(bucket) + receivedProbes.get(bucket);
    }

    private static void count(AtomicIntegerArray buckets, long at) {
        int bucket = Scenario.bucketOf(at);
        if (bucket >= 0 && bucket < buckets.length()) {
            buckets.incrementAndGet(bucket);
        }
    }
}
