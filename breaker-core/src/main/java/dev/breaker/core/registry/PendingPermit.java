package dev.breaker.core.registry;

import dev.breaker.core.Breaker;
import dev.breaker.core.CallResult;
import dev.breaker.core.Outcome;
import dev.breaker.core.Permit;

/**
 * A call on a key that had no breaker when it was admitted. A key without a breaker is closed, so
 * the call was admitted as a closed call; its breaker is created only if the outcome counts, and the
 * outcome goes to that breaker's first closed generation. An ignored outcome creates nothing.
 */
final class PendingPermit implements Permit {

    private final ProviderBreakers breakers;
    private final String key;

    PendingPermit(ProviderBreakers breakers, String key) {
        this.breakers = breakers;
        this.key = key;
    }

    @Override
    public void onResult(CallResult result) {
        onResult(result, -1);
    }

    @Override
    public void onResult(CallResult result, long latencyNanos) {
        if (result.outcome() == Outcome.IGNORED) {
            Breaker existing = breakers.find(key);
            if (existing == null) {
                breakers.countIgnoredWithoutBreaker();
            } else {
                existing.firstClosedPermit().onResult(result);
            }
            return;
        }
        breakers.existingOrNew(key).firstClosedPermit().onResult(result, latencyNanos);
    }

    @Override
    public void release() {
        // A closed call holds no slot.
    }
}
