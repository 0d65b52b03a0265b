package dev.breaker.core;

/**
 * A state set by an operator that holds until reset: forced open rejects every call, forced closed
 * admits every call. Outcomes (and slow calls) still count in the totals but never move the breaker.
 */
final class ForcedState extends State implements Permit {

    private final BreakerState forcedTo;

    ForcedState(Breaker breaker, BreakerState forcedTo) {
        super(breaker);
        this.forcedTo = forcedTo;
    }

    @Override
    BreakerState publicState() {
        return forcedTo;
    }

    @Override
    boolean isForced() {
        return true;
    }

    @Override
    TransitionReason reason() {
        return TransitionReason.FORCED;
    }

    @Override
    Permit tryAcquire(long now) {
        return forcedTo == BreakerState.OPEN ? null : this;
    }

    @Override
    public void onResult(CallResult result) {
        onResult(result, -1);
    }

    @Override
    public void onResult(CallResult result, long latencyNanos) {
        switch (result.outcome()) {
            case SUCCESS -> breaker.countSuccess();
            case FAILURE -> breaker.countFailure(result);
            case IGNORED -> {
                breaker.recordIgnored();
                return; // never slow
            }
        }
        if (breaker.isSlow(latencyNanos)) {
            breaker.countSlow();
        }
    }

    @Override
    public void release() {
    }
}
