package dev.breaker.core.store.redis;

import java.util.ArrayDeque;

/**
 * This replica's share of one breaker's probe leases in Redis.
 *
 * <p>{@code SharedState.releaseProbe()} does not say which probe finished, so leases are kept as a
 * pool: any finished probe gives back any lease. Probes admitted without a lease (Redis was
 * unusable) are given back first, which can only keep a lease longer than needed, never shorter.
 * A lease granted after its caller stopped waiting is <em>parked</em>: the next probe on this
 * replica takes it without a round trip, and one left untaken is given back after a short while.
 */
final class ProbeLeases {

    private final ArrayDeque<String> held = new ArrayDeque<>();
    private final ArrayDeque<String> parked = new ArrayDeque<>();
    private int unleased;

    /** A parked lease, now held by a probe; null if none is parked. */
    synchronized String takeParked() {
        String lease = parked.poll();
        if (lease != null) {
            held.push(lease);
        }
        return lease;
    }

    synchronized void held(String lease) {
        held.push(lease);
    }

    synchronized void admittedWithoutLease() {
        unleased++;
    }

    /** The lease a finished probe gives back, or null if it needs no Redis command. */
    synchronized String release() {
        if (unleased > 0) {
            unleased--;
            return null;
        }
        return held.poll();
    }

    synchronized void park(String lease) {
        parked.add(lease);
    }

    /** Whether {@code lease} was still parked (it is not any more). */
    synchronized boolean unpark(String lease) {
        return parked.remove(lease);
    }

    /** A new half-open round, or none: the leases of the last one were deleted with it. */
    synchronized void clear() {
        held.clear();
        parked.clear();
        unleased = 0;
    }

    synchronized String[] parkedLeases() {
        return parked.toArray(String[]::new);
    }
}
