package dev.breaker.spring.fallback;

/** Told of every move from one entry of the fallback chain to the next (the meter {@code breaker.fallbacks}). */
@FunctionalInterface
public interface FallbackListener {

    FallbackListener NONE = move -> { };

    /** Called on the thread of the attempt that gave way; must not block. */
    void moved(FallbackMove move);
}
