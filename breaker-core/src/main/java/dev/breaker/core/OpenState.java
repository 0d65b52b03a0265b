package dev.breaker.core;

import dev.breaker.core.window.WindowCounts;

/** OPEN: every call is rejected until {@code retryAt}; the first call after it starts HALF_OPEN. */
final class OpenState extends State {

    final long retryAt;
    final int consecutiveTrips;
    final TransitionReason reason;
    final WindowCounts countsAtTrip;

    OpenState(Breaker breaker, long retryAt, int consecutiveTrips, TransitionReason reason, WindowCounts countsAtTrip) {
        super(breaker);
        this.retryAt = retryAt;
        this.consecutiveTrips = consecutiveTrips;
        this.reason = reason;
        this.countsAtTrip = countsAtTrip;
    }

    @Override
    TransitionReason reason() {
        return reason;
    }

    @Override
    WindowCounts countsAtTrip() {
        return countsAtTrip;
    }

    @Override
    BreakerState publicState() {
        return BreakerState.OPEN;
    }

    @Override
    Permit tryAcquire(long now) {
        if (now - retryAt < 0) {
            return null;
        }
        breaker.startProbing(this);
        return breaker.currentState().tryAcquire(now);
    }
}
