package dev.breaker.spring.provider;

import dev.breaker.core.BreakerConfig;
import dev.breaker.spring.dialect.ErrorFormat;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * One provider's resolved, validated settings: the engine's {@link BreakerConfig} plus what the
 * Spring integrations need to find the provider and build its keys.
 *
 * @param name the provider's name
 * @param enabled whether its breakers act
 * @param pathPrefix inbound path prefix without a trailing slash, or null
 * @param baseUrl outbound base URL without a trailing slash, or null
 * @param scopes what one breaker covers, in key order (endpoint, model, tenant)
 * @param modelHeader the header naming the model, or null to read the JSON body's "model"
 * @param tenantHeader the header naming the tenant
 * @param errorFormat the JSON shape of inbound rejections
 * @param rejectionStatus the HTTP status of inbound rejections
 * @param streamFailureTypes error types of streamed error events that count as failures
 * @param modelSearchLimit how many bytes of a JSON request body are searched for its top-level "model"
 * @param keyTag whether meters carry the breaker's key (else {@code *})
 * @param keySeriesLimit with {@code keyTag}, how many keys get meter series of their own (the others share {@code _other})
 * @param breaker the engine's configuration
 */
public record ProviderSettings(
        String name,
        boolean enabled,
        String pathPrefix,
        URI baseUrl,
        List<Scope> scopes,
        String modelHeader,
        String tenantHeader,
        ErrorFormat errorFormat,
        int rejectionStatus,
        Set<String> streamFailureTypes,
        int modelSearchLimit,
        boolean keyTag,
        int keySeriesLimit,
        BreakerConfig breaker) {

    /** The key of {@link Scope#PROVIDER}, and the stand-in tag value when {@code key-tag} is false. */
    public static final String WHOLE_PROVIDER = "*";

    /** Stands for a scope value that the request does not carry. */
    public static final String MISSING = "-";

    /** A provider that exists by name only, with every breaker switched off ({@code breaker.enabled=false}). */
    public static ProviderSettings switchedOff(String name) {
        return new ProviderSettings(name, false, null, null, List.of(Scope.ENDPOINT), null, "X-Tenant-Id",
                ErrorFormat.PROBLEM, 503, Set.of(), 0, false, 0, BreakerConfig.defaults());
    }

    /** Whether building the key needs the model (so the body may have to be read). */
    public boolean needsModel() {
        return scopes.contains(Scope.MODEL);
    }

    /**
     * The breaker key for these values (each may be null when unknown).
     *
     * @param endpoint the path below the prefix or base URL, without query string
     */
    public String key(String endpoint, String model, String tenant) {
        if (scopes.size() == 1) {
            return single(scopes.get(0), endpoint, model, tenant);
        }
        StringBuilder key = new StringBuilder();
        for (Scope scope : scopes) {
            if (key.length() > 0) {
                key.append('|');
            }
            key.append(single(scope, endpoint, model, tenant));
        }
        return key.toString();
    }

    private static String single(Scope scope, String endpoint, String model, String tenant) {
        String value = switch (scope) {
            case PROVIDER -> WHOLE_PROVIDER;
            case ENDPOINT -> endpoint;
            case MODEL -> model;
            case TENANT -> tenant;
        };
        return value == null || value.isEmpty() ? MISSING : value;
    }
}
