package dev.breaker.core;

/**
 * Hears every state change. Called on the thread that made the change, right after it, once per
 * change; keep it quick. An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface BreakerListener {

    void onStateChange(StateTransition transition);
}
