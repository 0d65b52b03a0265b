package dev.breaker.core;

/** A breaker setting outside its documented range. Names the property and how to fix it. */
public class InvalidBreakerConfigException extends IllegalArgumentException {

    private final String property;
    private final Object value;
    private final String fix;

    public InvalidBreakerConfigException(String property, Object value, String fix) {
        super("Invalid value '" + value + "' for '" + property + "': " + fix);
        this.property = property;
        this.value = value;
        this.fix = fix;
    }

    /** The property's name, kebab-case, relative to the provider (for example {@code open-duration}). */
    public String property() {
        return property;
    }

    public Object value() {
        return value;
    }

    /** What to set instead. */
    public String fix() {
        return fix;
    }
}
