package dev.breaker.core;

/**
 * Where breakers share their state. The breaker decides everything locally and tells its store what
 * happened; a store that spans several processes (Redis) feeds other replicas' news back through
 * {@link LocalBreaker}. The in-memory store shares nothing.
 *
 * <p>A store must never fail or block a call: every method returns at once, and a store that
 * cannot reach its backend behaves like the in-memory one until it can.
 */
public interface StateStore extends AutoCloseable {

    /** Links a newly created breaker to the shared state; called once per breaker. */
    SharedState attach(BreakerId id, BreakerConfig config, LocalBreaker local);

    /** Whether the store reaches its backend, for health and the endpoint. */
    StoreStatus status();

    @Override
    default void close() {
    }
}
