package dev.breaker.benchmarks.outage;

import dev.breaker.core.BreakerState;
import dev.breaker.benchmarks.outage.Recorder.Transition;

import java.util.List;

/**
 * What one contender let through and held back.
 *
 * @param leak requests that reached the upstream while it was failing
 * @param tripLeak of those, the ones a closed breaker let through (before it opened)
 * @param probeLeak of those, the half-open probes
 * @param inFlightAtThreshold calls in flight (all replicas) when the failure that makes the failure
 *        threshold came back: an ideal breaker opening on that failure still lets exactly those through
 * @param trips transitions to OPEN, all replicas together
 * @param falseRejections calls the breakers rejected after the upstream had healed
 * @param recoverySeconds from the heal until every replica's breaker was closed for good; null if
 *        one never closed again before the run ended
 * @param firstTripSeconds from the start of the outage to the first breaker opening
 */
record Result(String label, int replicas, int leak, int tripLeak, int probeLeak, int inFlightAtThreshold, int trips,
              int falseRejections, Double recoverySeconds, Double firstTripSeconds) {

    /** Leak before opening as a multiple of one ideal breaker's: threshold + calls in flight. */
    double tripLeakRatio() {
        return (double) tripLeak / (BreakerSettings.FAILURE_THRESHOLD + inFlightAtThreshold);
    }

    static Result of(Recorder recorder, Scenario scenario) {
        int outageFrom = Scenario.bucketOf(scenario.outageStart());
        int healed = Scenario.bucketOf(scenario.healedAt());
        int tripLeak = sum(recorder.receivedClosed, outageFrom, healed);
        int probeLeak = sum(recorder.receivedProbes, outageFrom, healed);
        int falseRejections = sum(recorder.rejected, healed, recorder.rejected.length());
        List<Transition> transitions = recorder.transitions();
        int trips = (int) transitions.stream().filter(t -> t.to() == BreakerState.OPEN).count();
        Double firstTrip = transitions.stream().filter(t -> t.to() == BreakerState.OPEN).findFirst()
                .map(t -> seconds(t.at() - scenario.outageStart())).orElse(null);
        return new Result(recorder.name, recorder.replicas, tripLeak + probeLeak, tripLeak, probeLeak,
                recorder.inFlightAtThreshold(), trips, falseRejections, recovery(recorder, transitions, scenario),
                firstTrip);
    }

    private static Double recovery(Recorder recorder, List<Transition> transitions, Scenario scenario) {
        long closedForGood = scenario.healedAt();
        for (int replica = 0; replica < recorder.replicas; replica++) {
            Transition last = null;
            for (Transition t : transitions) {
                if (t.replica() == replica) {
                    last = t;
                }
            }
            if (last != null && last.to() != BreakerState.CLOSED) {
                return null;
            }
            if (last != null) {
                closedForGood = Math.max(closedForGood, last.at());
            }
        }
        return seconds(closedForGood - scenario.healedAt());
    }

    private static int sum(java.util.concurrent.atomic.AtomicIntegerArray buckets, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += buckets.get(i);
        }
        return sum;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
