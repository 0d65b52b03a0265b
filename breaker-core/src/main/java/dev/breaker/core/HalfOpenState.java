package dev.breaker.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * HALF_OPEN: never more than {@code half-open-max-calls} probes hold a slot at once. A slot is taken
 * by CAS from null to the probe and given back by CAS from the probe to null, so each slot has at
 * most one owner; a probe older than {@code probe-timeout} can be replaced by CAS, after which its
 * late report finds no slot and changes nothing. A report moves the breaker before it gives its slot
 * back, and an acquire checks after taking a slot that this generation is still current, so the
 * slot of the probe that ends a generation admits nobody into it.
 */
final class HalfOpenState extends State {

    final Trip trip;
    private final AtomicReferenceArray<ProbePermit> slots;
    private final AtomicInteger successes = new AtomicInteger();
    private final int successesToClose;
    private final long probeTimeoutNanos;

    HalfOpenState(Breaker breaker, Trip trip) {
        super(breaker);
        this.trip = trip;
        this.slots = new AtomicReferenceArray<>(breaker.config().halfOpenMaxCalls());
        this.successesToClose = breaker.config().halfOpenSuccessesToClose();
        this.probeTimeoutNanos = breaker.config().probeTimeout().toNanos();
    }

    @Override
    Trip trip() {
        return trip;
    }

    @Override
    BreakerState publicState() {
        return BreakerState.HALF_OPEN;
    }

    @Override
    Permit tryAcquire(long now) {
        ProbePermit probe = new ProbePermit(this, now);
        boolean took = takeSlot(probe, now);
        // The caller read the state before the slot: a probe's outcome may have ended this
        // generation meanwhile and then given its slot back. Such a slot admits nobody: the
        // state that replaced this one decides instead.
        State current = breaker.currentState();
        if (current != this) {
            if (took) {
                releaseSlot(probe);
            }
            return current.tryAcquire(now);
        }
        return took ? admitAcrossReplicas(probe) : null;
    }

    private boolean takeSlot(ProbePermit probe, long now) {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == null && slots.compareAndSet(i, null, probe)) {
                return true;
            }
        }
        for (int i = 0; i < slots.length(); i++) {
            ProbePermit holder = slots.get(i);
            if (holder != null && now - holder.acquiredAt >= probeTimeoutNanos && slots.compareAndSet(i, holder, probe)) {
                breaker.probeReclaimed();
                return true;
            }
        }
        return false;
    }

    private Permit admitAcrossReplicas(ProbePermit probe) {
        if (breaker.shared().tryAcquireProbe()) {
            probe.holdsSharedProbe = true;
            return probe;
        }
        releaseSlot(probe);
        return null;
    }

    /** Probes holding a slot right now. */
    int probesInFlight() {
        int inFlight = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                inFlight++;
            }
        }
        return inFlight;
    }

    /** Whether the probe still holds its slot: false once a newer probe reclaimed it after the timeout. */
    boolean holdsSlot(ProbePermit probe) {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == probe) {
                return true;
            }
        }
        return false;
    }

    boolean releaseSlot(ProbePermit probe) {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == probe) {
                return slots.compareAndSet(i, probe, null);
            }
        }
        return false;
    }

    void probeSucceeded() {
        if (successes.incrementAndGet() >= successesToClose) {
            breaker.closeAfterProbes(this);
        }
    }
}
