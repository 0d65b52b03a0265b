package dev.breaker.spring.autoconfigure.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

/** Keys under {@code breaker.*} that no setting reads: a misspelt key would leave a default you did not choose. */
class UnknownBreakerPropertiesException extends RuntimeException {

    private final List<UnknownProperty> properties;

    UnknownBreakerPropertiesException(List<UnknownProperty> properties) {
        super("Unknown circuit breaker properties: " + properties.stream()
                .map(p -> p.name() + (p.closest() != null ? " (did you mean " + p.closest() + "?)" : ""))
                .collect(Collectors.joining(", ")));
        this.properties = List.copyOf(properties);
    }

    List<UnknownProperty> properties() {
        return properties;
    }
}
