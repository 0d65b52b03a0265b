package dev.breaker.spring.web.client;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.UnknownProviderException;
import dev.breaker.spring.BreakerAttributes;
import dev.breaker.spring.config.BreakerProviders;
import dev.breaker.spring.config.ProviderSettings;
import dev.breaker.spring.config.Scope;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Guards outbound calls made by HTTP clients that Spring does not build (the LLM SDKs, LangChain4j),
 * with the same provider choice, keys and judging as the {@code WebClient} filter and the
 * {@code RestClient} interceptor. An adapter for one client calls {@link #start} before it sends,
 * then reports what happened to the returned {@link GuardedCall}.
 */
public final class OutboundGuard {

    private final BreakerProviders providers;
    private final OutboundBreakers breakers;

    public OutboundGuard(BreakerProviders providers, BreakerRegistry registry) {
        this.providers = providers;
        this.breakers = new OutboundBreakers(providers, registry);
    }

    /**
     * Asks the breaker that guards a call to {@code url} for a permit.
     *
     * @param url the request's full URL
     * @param provider the provider to use whatever the URL, or null to pick it by the longest {@code base-url}
     * @param model supplies the model; asked only when the provider's scope needs it (it may read a body)
     * @param headers the request's headers (null for an absent one): the tenant is the provider's
     *     {@code tenant-header}
     * @return the call to report to, or null when the request belongs to no provider or to a disabled one
     * @throws BreakerOpenException when the breaker refuses the call
     * @throws UnknownProviderException when {@code provider} is not configured
     */
    public GuardedCall start(URI url, String provider, Supplier<String> model, Function<String, String> headers) {
        ProviderSettings settings = providerFor(url, provider);
        boolean acts = settings != null && settings.enabled();
        String knownModel = acts && settings.needsModel() ? model.get() : null;
        String tenant = acts && settings.scopes().contains(Scope.TENANT) ? headers.apply(settings.tenantHeader()) : null;
        OutboundCall call = breakers.start(url, name -> switch (name) {
            case BreakerAttributes.PROVIDER -> provider;
            case BreakerAttributes.MODEL -> knownModel;
            case BreakerAttributes.TENANT -> tenant;
            default -> null;
        });
        return call == null ? null : new GuardedCall(call);
    }

    /**
     * Checks, when a client is built, that the provider it names is configured: a name that is not
     * would otherwise fail each of its calls.
     *
     * @return {@code provider}
     * @throws UnknownProviderException when it is not configured
     */
    public String requireProvider(String provider) {
        if (provider != null && providers.get(provider) == null) {
            throw new UnknownProviderException(provider, providers.names());
        }
        return provider;
    }

    /** The settings of the provider that a call to {@code url} belongs to (or of {@code provider} when named), or null. */
    public ProviderSettings providerFor(URI url, String provider) {
        return provider != null ? providers.get(provider) : match(url);
    }

    private ProviderSettings match(URI url) {
        BreakerProviders.Match match = providers.forUrl(url);
        return match == null ? null : match.provider();
    }
}
