package dev.breaker.spring.provider;

import java.util.Locale;

/** What one breaker covers. Keys join several scopes with {@code |}, in this enum's order. */
public enum Scope {

    PROVIDER, ENDPOINT, MODEL, TENANT;

    /** The scope named in configuration ({@code endpoint}, {@code model}, ...), or null if unknown. */
    public static Scope fromName(String name) {
        for (Scope scope : values()) {
            if (scope.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return scope;
            }
        }
        return null;
    }
}
