package dev.breaker.spring.autoconfigure;

import dev.breaker.spring.provider.DurationText;
import dev.breaker.spring.provider.InvalidBreakerPropertyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns an invalid {@code breaker.*} property into a start-up report that names it, quotes its value as
 * the user wrote it (and where), and gives the fix.
 */
class InvalidBreakerPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBreakerPropertyException> {

    private final Environment environment;

    InvalidBreakerPropertyFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidBreakerPropertyException cause) {
        WrittenValue value = WrittenValue.of(environment, cause.property(), cause.value());
        String fix = DurationText.humanize(cause.fix());
        String description = "Invalid circuit breaker configuration:\n\n    Property: " + cause.property()
                + "\n    Value: " + value.text()
                + (value.origin() != null ? "\n    Origin: " + value.origin() : "")
                + "\n    Reason: " + fix;
        String action = "Update '" + cause.property() + "' in your application's configuration: " + fix + ".";
        return new FailureAnalysis(description, action, cause);
    }
}
