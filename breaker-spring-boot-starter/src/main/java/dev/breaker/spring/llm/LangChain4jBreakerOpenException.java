package dev.breaker.spring.llm;

import dev.breaker.core.BreakerOpenException;
import dev.langchain4j.exception.NonRetriableException;

/**
 * A LangChain4j call that a breaker refused. LangChain4j retries every exception that is not a
 * {@link NonRetriableException}, sleeping between attempts; a refusal is not worth retrying, so it
 * arrives as this, with the {@link BreakerOpenException} as its cause.
 */
public class LangChain4jBreakerOpenException extends NonRetriableException {

    public LangChain4jBreakerOpenException(BreakerOpenException refusal) {
        super(refusal.getMessage(), refusal);
    }

    /** The refusal: provider, key and how long to wait. */
    public BreakerOpenException refusal() {
        return (BreakerOpenException) getCause();
    }
}
