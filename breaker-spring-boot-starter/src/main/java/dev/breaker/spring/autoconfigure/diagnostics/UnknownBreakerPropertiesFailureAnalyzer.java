package dev.breaker.spring.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.stream.Collectors;

/** Names each unknown {@code breaker.*} key, where it was written, and the valid key it most likely meant. */
class UnknownBreakerPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<UnknownBreakerPropertiesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnknownBreakerPropertiesException cause) {
        String description = "Unknown circuit breaker properties (no setting reads them, so the breakers would run "
                + "without them):\n\n" + cause.properties().stream().map(UnknownProperty::describe)
                .collect(Collectors.joining("\n\n"));
        String action = "Rename each property to the key it was meant to be (see 'Did you mean'), or remove it. "
                + "Every valid key is listed in docs/configuration.md, and IDEs complete them.";
        return new FailureAnalysis(description, action, cause);
    }
}
