package dev.breaker.core;

/** CLOSED: every call passes; the state object doubles as the shared permit of its generation. */
final class ClosedState extends State implements Permit {

    ClosedState(Breaker breaker) {
        super(breaker);
    }

    @Override
    BreakerState publicState() {
        return BreakerState.CLOSED;
    }

    @Override
    Permit tryAcquire(long now) {
        return this;
    }

    @Override
    public void onResult(CallResult result) {
        onResult(result, -1);
    }

    @Override
    public void onResult(CallResult result, long latencyNanos) {
        switch (result.outcome()) {
            case SUCCESS -> breaker.recordClosedSuccess(this, latencyNanos);
            case FAILURE -> breaker.recordClosedFailure(this, result, latencyNanos);
            case IGNORED -> breaker.recordIgnored();
        }
    }

    @Override
    public void onSuccess() {
        breaker.recordClosedSuccess(this);
    }

    @Override
    public void release() {
        // A closed call holds no slot.
    }
}
