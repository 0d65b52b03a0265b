package dev.breaker.benchmarks.outage;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What one failover contender's callers got while the primary upstream failed (from the start of
 * the outage to the heal).
 *
 * @param asked calls asked during the outage
 * @param answered of those, the ones that got an answer, from either upstream
 * @param byFallback of those, the ones the fallback upstream answered
 * @param primaryRequests requests that reached the failing primary
 * @param medianMillis the median time to an answer, in milliseconds (NaN without answers)
 * @param p99Millis the 99th percentile of the time to an answer
 */
record FailoverResult(String label, int asked, int answered, int byFallback, int primaryRequests,
                      double medianMillis, double p99Millis) {

    /** The share of callers who got an answer during the outage, 0 to 1 (NaN when none asked). */
    double answeredShare() {
        return asked == 0 ? Double.NaN : (double) answered / asked;
    }

    static FailoverResult of(FailoverRecorder callers, Recorder primary, Scenario scenario) {
        int from = Scenario.bucketOf(scenario.outageStart());
        int to = Scenario.bucketOf(scenario.healedAt());
        int byPrimary = sum(callers.answeredByPrimary, from, to);
        int byFallback = sum(callers.answeredByFallback, from, to);
        int unanswered = sum(callers.unanswered, from, to);
        int primaryRequests = 0;
        for (int bucket = from; bucket < to; bucket++) {
            primaryRequests += primary.received(bucket);
        }
        long[] nanos = callers.outageAnswerNanos();
        return new FailoverResult(callers.name, byPrimary + byFallback + unanswered, byPrimary + byFallback,
                byFallback, primaryRequests, percentile(nanos, 0.5) / 1e6, percentile(nanos, 0.99) / 1e6);
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least {@code p} of all at or below it. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static int sum(AtomicIntegerArray buckets, int from, int to) {
        int sum = 0;
        for (int i = Math.max(0, from); i < Math.min(to, buckets.length()); i++) {
            sum += buckets.get(i);
        }
        return sum;
    }
}
