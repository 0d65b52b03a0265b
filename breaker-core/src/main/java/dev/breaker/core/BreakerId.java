package dev.breaker.core;

/** Names one breaker: a provider and a key within it (an endpoint, a model, a tenant, or {@code *}). */
public record BreakerId(String provider, String key) {

    public BreakerId {
        if (provider == null || provider.isEmpty()) {
            throw new IllegalArgumentException("provider must not be empty");
        }
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
    }

    @Override
    public String toString() {
        return provider + "/" + key;
    }
}
