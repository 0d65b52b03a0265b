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
        onResult(result, -1);
    }

    /** A slow probe is a failed probe: the provider answers, but not yet well enough to close on. */
    @Override
    public void onResult(CallResult result, long latencyNanos) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        Breaker breaker = state.breaker;
        // The slot is given back only after the outcome has moved the breaker: released first, it
        // could admit another probe into a generation that this very report is about to end.
        // Accepted race: a probe that reports at the very moment its timed-out slot is reclaimed still counts.
        boolean ownsSlot = state.holdsSlot(this);
        try {
            switch (result.outcome()) {
                case SUCCESS -> {
                    breaker.countProbeSuccess();
                    boolean slow = breaker.isSlow(latencyNanos);
                    if (slow) {
                        breaker.countSlow();
                    }
                    if (ownsSlot && slow) {
                        breaker.tripFromProbe(state, result);
                    } else if (ownsSlot) {
                        state.probeSucceeded();
                    }
                }
                case FAILURE -> {
                    breaker.countFailure(result);
                    if (breaker.isSlow(latencyNanos)) {
                        breaker.countSlow();
                    }
                    if (ownsSlot) {
                        breaker.tripFromProbe(state, result);
                    }
                }
                case IGNORED -> breaker.recordIgnored();
            }
        } finally {
            state.releaseSlot(this);
            if (holdsSharedProbe) {
                breaker.shared().releaseProbe();
            }
        }
    }

    @Override
    public boolean isProbe() {
        return true;
    }

    @Override
    public void release() {
        onResult(CallResult.IGNORED);
    }
}
