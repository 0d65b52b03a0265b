package dev.breaker.spring.outbound;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.Permit;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import dev.breaker.core.registry.UnknownProviderException;
import dev.breaker.spring.BreakerAttributes;
import dev.breaker.spring.judge.ResponseJudge;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.ProviderSettings;
import dev.breaker.spring.provider.Scope;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one outbound gate: every door that sends a request upstream ({@code WebClient},
 * {@code RestClient}, the LLM SDKs, Spring AI's OkHttp clients, LangChain4j) asks it for a
 * {@link GuardedCall} before it sends, so that all of them pick providers and keys, refuse, and
 * judge answers the same way. The provider is resolved once per call: the one named (a request
 * attribute, or the one an adapter was built for), else the one with the longest {@code base-url}
 * that covers the URL. Requests of no provider, or of a disabled one, are not guarded.
 */
public final class OutboundGuard {

    private final BreakerProviders providers;
    private final BreakerRegistry registry;
    private final Map<String, ResponseJudge> judges = new HashMap<>();

    public OutboundGuard(BreakerProviders providers, BreakerRegistry registry) {
        this.providers = providers;
        this.registry = registry;
        for (ProviderSettings provider : providers.all()) {
            judges.put(provider.name(), ResponseJudge.of(provider, registry.clock()));
        }
    }

    /**
     * Asks the breaker that guards a call to {@code url} for a permit.
     *
     * @param url the request's full URL
     * @param provider the provider to use whatever the URL, or null to pick it by the longest {@code base-url}
     * @param model supplies the model; asked only when the provider's scope needs it (it may read a body)
     * @param headers the request's headers (null for an absent one): the tenant is the provider's {@code tenant-header}
     * @return the call to report to, or null when the request belongs to no provider or to a disabled one
     * @throws BreakerOpenException when the breaker refuses the call
     * @throws UnknownProviderException when {@code provider} is not configured
     */
    public GuardedCall start(URI url, String provider, Supplier<String> model, Function<String, String> headers) {
        Target target = target(url, provider);
        if (target == null) {
            return null;
        }
        ProviderSettings settings = target.provider();
        String knownModel = settings.needsModel() ? model.get() : null;
        String tenant = settings.scopes().contains(Scope.TENANT) ? headers.apply(settings.tenantHeader()) : null;
        return admit(settings, settings.key(target.endpoint(), knownModel, tenant));
    }

    /**
     * The same for a request that carries its choices as attributes: {@link BreakerAttributes#PROVIDER},
     * {@link BreakerAttributes#MODEL} and {@link BreakerAttributes#TENANT} ({@code WebClient}, {@code RestClient}).
     *
     * @param attributes the request's attributes (null for an absent one)
     */
    public GuardedCall start(URI url, Function<String, Object> attributes) {
        Target target = target(url, text(attributes.apply(BreakerAttributes.PROVIDER)));
        if (target == null) {
            return null;
        }
        ProviderSettings settings = target.provider();
        String key = settings.key(target.endpoint(), text(attributes.apply(BreakerAttributes.MODEL)),
                text(attributes.apply(BreakerAttributes.TENANT)));
        return admit(settings, key);
    }

    /**
     * Whether a request with these attributes may be guarded at all: it names a provider, or its URL
     * is under some provider's {@code base-url}. A cheap look-up, with no permit asked, so that a door
     * can let the many requests no provider names pass without any wrapping.
     */
    public boolean mayGuard(URI url, Function<String, Object> attributes) {
        return attributes.apply(BreakerAttributes.PROVIDER) != null || providers.forUrl(url) != null;
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

    /** The settings of the provider named {@code name}, or null. */
    public ProviderSettings provider(String name) {
        return providers.get(name);
    }

    private GuardedCall admit(ProviderSettings settings, String key) {
        ProviderBreakers breakers = registry.provider(settings.name());
        Permit permit = breakers.acquire(key);
        ResponseJudge judge = judges.get(settings.name());
        return new GuardedCall(judge.report(permit), judge);
    }

    /** The enabled provider of a call and its endpoint, or null. */
    private Target target(URI url, String named) {
        ProviderSettings provider;
        String endpoint;
        if (named != null) {
            provider = providers.get(named);
            if (provider == null) {
                throw new UnknownProviderException(named, providers.names());
            }
            endpoint = endpointOf(provider, url);
        } else {
            BreakerProviders.Match match = providers.forUrl(url);
            if (match == null) {
                return null;
            }
            provider = match.provider();
            endpoint = match.endpoint();
        }
        return provider.enabled() ? new Target(provider, endpoint) : null;
    }

    /** Below the provider's base URL when the request is under it, else the whole request path. */
    private static String endpointOf(ProviderSettings provider, URI url) {
        String below = provider.baseUrl() == null ? null : BreakerProviders.endpointBelow(provider.baseUrl(), url);
        if (below != null) {
            return below;
        }
        String path = url.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private record Target(ProviderSettings provider, String endpoint) {
    }
}
