package dev.breaker.spring.autoconfigure.diagnostics;

import org.springframework.boot.origin.Origin;

/**
 * A {@code breaker.*} key that no setting reads.
 *
 * @param name the key, as Spring Boot names it
 * @param value its value, as written
 * @param origin where it was written (a file and line, an argument), or null
 * @param fromEnvironmentVariable whether an operating-system environment variable supplied it
 * @param closest the valid key it most likely meant, or null
 */
record UnknownProperty(String name, Object value, Origin origin, boolean fromEnvironmentVariable, String closest) {

    /** One indented block for a report: the key, its value and origin, and the likely meaning. */
    String describe() {
        StringBuilder text = new StringBuilder("    Property: ").append(name)
                .append("\n    Value: ").append(value);
        if (origin != null) {
            text.append("\n    Origin: ").append(origin);
        }
        text.append("\n    Did you mean: ").append(closest != null ? closest : "(no similar key)");
        return text.toString();
    }
}
