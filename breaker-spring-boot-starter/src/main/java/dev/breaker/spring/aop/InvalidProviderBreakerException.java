package dev.breaker.spring.aop;

/**
 * A {@link dev.breaker.spring.ProviderBreaker @ProviderBreaker} cannot work as written. Thrown while
 * the bean that carries it is created, so the application stops at start-up; a failure analyzer
 * prints {@link #problem()} and {@link #action()}.
 */
public class InvalidProviderBreakerException extends RuntimeException {

    private final String method;
    private final String problem;
    private final String action;

    public InvalidProviderBreakerException(String method, String problem, String action) {
        super("@ProviderBreaker on " + method + ": " + problem + ". " + action);
        this.method = method;
        this.problem = problem;
        this.action = action;
    }

    /** The annotated method, as {@code Type.name(ParameterTypes)}. */
    public String method() {
        return method;
    }

    public String problem() {
        return problem;
    }

    public String action() {
        return action;
    }
}
