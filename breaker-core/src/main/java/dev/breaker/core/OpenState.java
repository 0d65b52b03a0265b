package dev.breaker.core;

/** OPEN: every call is rejected until {@code retryAt}; the first call after it starts HALF_OPEN. */
final class OpenState extends State {

    final long retryAt;
    final Trip trip;

    OpenState(Breaker breaker, long retryAt, Trip trip) {
        super(breaker);
        this.retryAt = retryAt;
        this.trip = trip;
    }

    @Override
    Trip trip() {
        return trip;
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
