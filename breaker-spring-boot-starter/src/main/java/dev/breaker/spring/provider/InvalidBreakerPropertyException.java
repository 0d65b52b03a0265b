package dev.breaker.spring.provider;

/**
 * A {@code breaker.*} property is invalid. Stops the application at start-up; the failure analyzer
 * prints {@link #property()} and {@link #fix()}.
 */
public class InvalidBreakerPropertyException extends RuntimeException {

    private final String property;
    private final Object value;
    private final String fix;

    public InvalidBreakerPropertyException(String property, Object value, String fix) {
        super("Invalid breaker configuration: '" + property + "' = '" + DurationText.value(value) + "': "
                + DurationText.humanize(fix));
        this.property = property;
        this.value = value;
        this.fix = fix;
    }

    /** The full property name, such as {@code breaker.providers.anthropic.open-duration}. */
    public String property() {
        return property;
    }

    public Object value() {
        return value;
    }

    public String fix() {
        return fix;
    }
}
