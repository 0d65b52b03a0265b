package dev.breaker.core.event;

import dev.breaker.core.BreakerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each state change once: WARN when a breaker opens, INFO otherwise. */
public final class TransitionLog implements BreakerListener {

    private static final Logger log = LoggerFactory.getLogger("dev.breaker");

    @Override
    public void onStateChange(StateTransition transition) {
        if (transition.to() == BreakerState.OPEN) {
            log.warn("Circuit breaker opened: {}", transition);
        } else {
            log.info("Circuit breaker changed state: {}", transition);
        }
    }
}
