package dev.breaker.core.registry;

import dev.breaker.core.Breaker;

/** Hears breakers come and go, for example to add and remove their meters. */
public interface RegistryListener {

    default void onCreated(Breaker breaker) {
    }

    /** The breaker was dropped to keep its provider within {@code max-breakers}. */
    default void onEvicted(Breaker breaker) {
    }
}
