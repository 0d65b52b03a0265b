package dev.breaker.spring.web.client;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.Permit;
import dev.breaker.core.classify.OutcomeClassifier;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import dev.breaker.core.registry.UnknownProviderException;
import dev.breaker.spring.BreakerAttributes;
import dev.breaker.spring.config.BreakerProviders;
import dev.breaker.spring.config.ProviderSettings;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the breaker that guards an outbound request and asks it for a permit. Shared by the
 * {@code WebClient} filter and the {@code RestClient} interceptor, so that both pick providers and
 * keys the same way.
 */
final class OutboundBreakers {

    private final BreakerProviders providers;
    private final BreakerRegistry registry;
    private final Map<String, OutcomeClassifier> classifiers = new ConcurrentHashMap<>();

    OutboundBreakers(BreakerProviders providers, BreakerRegistry registry) {
        this.providers = providers;
        this.registry = registry;
    }

    /**
     * Starts a guarded call; null when the request belongs to no provider, or to a disabled one.
     * The provider is the {@link BreakerAttributes#PROVIDER} attribute, else the one with the
     * longest {@code base-url} that covers {@code url}.
     *
     * @param attributes the request's attributes (returns null for an absent one)
     * @throws UnknownProviderException when the attribute names a provider that is not configured
     * @throws BreakerOpenException when the breaker rejects the call
     */
    OutboundCall start(URI url, Function<String, Object> attributes) {
        Object named = attributes.apply(BreakerAttributes.PROVIDER);
        ProviderSettings provider;
        String endpoint;
        if (named != null) {
            provider = providers.get(named.toString());
            if (provider == null) {
                throw new UnknownProviderException(named.toString(), providers.names());
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
        if (!provider.enabled()) {
            return null;
        }
        String key = provider.key(endpoint, text(attributes.apply(BreakerAttributes.MODEL)),
                text(attributes.apply(BreakerAttributes.TENANT)));
        ProviderBreakers breakers = registry.provider(provider.name());
        Permit permit = breakers.acquire(key);
        return new OutboundCall(permit, classifier(breakers), provider.streamFailureTypes(), breakers.config().quotaErrors());
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

    private OutcomeClassifier classifier(ProviderBreakers breakers) {
        // Built from the registry's own config, which is what the breakers judge by.
        return classifiers.computeIfAbsent(breakers.provider(),
                name -> new OutcomeClassifier(breakers.config(), registry.clock()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
