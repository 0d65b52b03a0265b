package dev.breaker.spring.aop;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a misused {@code @ProviderBreaker} into a start-up report that names the method and the fix. */
class InvalidProviderBreakerFailureAnalyzer extends AbstractFailureAnalyzer<InvalidProviderBreakerException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidProviderBreakerException cause) {
        String description = "A @ProviderBreaker annotation cannot work as written:\n\n    Method: " + cause.method()
                + "\n    Problem: " + cause.problem();
        return new FailureAnalysis(description, cause.action(), cause);
    }
}
