package dev.breaker.spring;

/**
 * Request attributes that steer an outbound {@code WebClient} or {@code RestClient} call:
 * {@code .attribute(BreakerAttributes.PROVIDER, "anthropic")}. Without {@link #PROVIDER}, the
 * provider is the one with the longest {@code base-url} that the request URL starts with.
 */
public final class BreakerAttributes {

    /** The provider whose breaker guards the call. */
    public static final String PROVIDER = "dev.breaker.provider";

    /** The model, for providers with scope {@code model}. */
    public static final String MODEL = "dev.breaker.model";

    /** The tenant, for providers with scope {@code tenant}. */
    public static final String TENANT = "dev.breaker.tenant";

    private BreakerAttributes() {
    }
}
