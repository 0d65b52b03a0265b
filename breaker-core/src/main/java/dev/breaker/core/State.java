package dev.breaker.core;

/**
 * One generation of a breaker's state. A transition replaces the object ({@code Breaker.moveTo}),
 * so a permit that belongs to an older generation can tell it is stale and its outcome changes nothing.
 */
abstract sealed class State permits ClosedState, OpenState, HalfOpenState, ForcedState {

    final Breaker breaker;

    State(Breaker breaker) {
        this.breaker = breaker;
    }

    abstract BreakerState publicState();

    /** A permit for a call at {@code now}, or null to reject it. */
    abstract Permit tryAcquire(long now);

    boolean isForced() {
        return false;
    }

    /** The trip this state remembers (OPEN, HALF_OPEN), or null while the live window applies. */
    Trip trip() {
        return null;
    }

    /** Why the breaker is not plainly closed, or null while it is. */
    TransitionReason reason() {
        Trip trip = trip();
        return trip == null ? null : trip.reason();
    }
}
