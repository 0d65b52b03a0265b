package dev.breaker.spring.autoconfigure;

import dev.breaker.spring.provider.InvalidBreakerPropertyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid {@code breaker.*} property into a start-up report that names it and the fix. */
class InvalidBreakerPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBreakerPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidBreakerPropertyException cause) {
        String description = "Invalid circuit breaker configuration:\n\n    Property: " + cause.property()
                + "\n    Value: " + cause.value() + "\n    Reason: " + cause.fix();
        String action = "Update '" + cause.property() + "' in your application's configuration: " + cause.fix() + ".";
        return new FailureAnalysis(description, action, cause);
    }
}
