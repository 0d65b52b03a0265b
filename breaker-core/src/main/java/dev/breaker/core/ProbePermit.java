package dev.breaker.core;

import java.util.concurrent.atomic.AtomicBoolean;

/** One half-open probe: reports once, and gives its slot back whatever happens to the call. */
final class ProbePermit implements Permit {

    final long acquiredAt;
    volatile boolean holdsSharedProbe;
    private final HalfOpenState state;
    private final AtomicBoolean done = new AtomicBoolean();

    ProbePermit(HalfOpenState state, long acquiredAt) {
        this.state = state;
        this.acquiredAt = acquiredAt;
    }

    @Override
    public void onResult(CallResult result) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        Breaker breaker = state.breaker;
        if (holdsSharedProbe) {
            breaker.shared().releaseProbe();
        }
        boolean ownedSlot = state.releaseSlot(this);
        switch (result.outcome()) {
            case SUCCESS -> {
                breaker.countSuccess();
                if (ownedSlot) {
                    state.probeSucceeded();
                }
            }
            case FAILURE -> {
                breaker.countFailure(result);
                if (ownedSlot) {
                    breaker.tripFromProbe(state, result);
                }
            }
            case IGNORED -> breaker.recordIgnored();
        }
    }

    @Override
    public void release() {
        onResult(CallResult.IGNORED);
    }

    @Override
    public Breaker breaker() {
        return state.breaker;
    }
}
