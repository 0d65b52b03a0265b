package dev.breaker.spring.provider;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured providers, and which one a request belongs to: inbound by the longest
 * {@code path-prefix} that matches whole path segments, outbound by the longest {@code base-url}.
 */
public final class BreakerProviders {

    private final Map<String, ProviderSettings> byName;

    public BreakerProviders(Map<String, ProviderSettings> byName) {
        this.byName = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byName));
    }

    public ProviderSettings get(String name) {
        return byName.get(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public Collection<ProviderSettings> all() {
        return byName.values();
    }

    /**
     * The enabled provider whose path prefix covers {@code path}, and the endpoint below it; null when
     * none. The longest prefix wins even when its provider is disabled, so that a disabled provider's
     * requests pass untouched rather than falling to a provider with a shorter prefix.
     */
    public Match forPath(String path) {
        Match best = null;
        for (ProviderSettings provider : byName.values()) {
            String prefix = provider.pathPrefix();
            if (prefix == null) {
                continue;
            }
            String endpoint = below(prefix, path);
            if (endpoint != null && (best == null || prefix.length() > best.provider().pathPrefix().length())) {
                best = new Match(provider, endpoint);
            }
        }
        return best == null || !best.provider().enabled() ? null : best;
    }

    /** The provider whose base URL covers {@code url}, and the endpoint below it; null when none. */
    public Match forUrl(URI url) {
        Match best = null;
        int bestLength = -1;
        for (ProviderSettings provider : byName.values()) {
            URI base = provider.baseUrl();
            String endpoint = base == null ? null : endpointBelow(base, url);
            int baseLength = endpoint == null ? -1 : rawPath(base).length();
            if (endpoint != null && baseLength > bestLength) {
                best = new Match(provider, endpoint);
                bestLength = baseLength;
            }
        }
        return best;
    }

    /**
     * The path of {@code url} below {@code baseUrl}'s path ("/" at least, no query), or null when
     * {@code url} is not under {@code baseUrl} (another origin, or a path outside it).
     */
    public static String endpointBelow(URI baseUrl, URI url) {
        if (!sameOrigin(baseUrl, url)) {
            return null;
        }
        return below(rawPath(baseUrl), rawPath(url));
    }

    private static String rawPath(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }

    /** The part of {@code path} below {@code prefix} ("/" at least), or null when the prefix does not cover it. */
    static String below(String prefix, String path) {
        if (path == null) {
            return null;
        }
        if (prefix.isEmpty() || prefix.equals("/")) {
            return path.isEmpty() ? "/" : path;
        }
        if (!path.startsWith(prefix)) {
            return null;
        }
        if (path.length() == prefix.length()) {
            return "/";
        }
        return path.charAt(prefix.length()) == '/' ? path.substring(prefix.length()) : null;
    }

    private static boolean sameOrigin(URI base, URI url) {
        return base.getScheme() != null && base.getScheme().equalsIgnoreCase(url.getScheme())
                && base.getHost() != null && base.getHost().equalsIgnoreCase(url.getHost())
                && port(base) == port(url);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** A request's provider and its endpoint (the path below the prefix or base URL, no query). */
    public record Match(ProviderSettings provider, String endpoint) {
    }

    public static BreakerProviders of(List<ProviderSettings> providers) {
        Map<String, ProviderSettings> map = new java.util.LinkedHashMap<>();
        providers.forEach(provider -> map.put(provider.name(), provider));
        return new BreakerProviders(map);
    }
}
