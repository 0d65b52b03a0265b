package dev.breaker.core.registry;

import java.util.Set;

/** A breaker was asked of a provider that is not configured. */
public class UnknownProviderException extends IllegalArgumentException {

    private final String provider;

    public UnknownProviderException(String provider, Set<String> known) {
        super("No breaker provider named '" + provider + "' is configured; known providers: " + known
                + ". Configure it under breaker.providers." + provider + " or use one of those names.");
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
