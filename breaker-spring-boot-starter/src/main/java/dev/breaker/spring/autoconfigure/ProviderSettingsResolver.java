package dev.breaker.spring.autoconfigure;

import dev.breaker.core.BreakerConfig;
import dev.breaker.core.InvalidBreakerConfigException;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.dialect.ErrorFormat;
import dev.breaker.spring.dialect.ErrorTypes;
import dev.breaker.spring.provider.InvalidBreakerPropertyException;
import dev.breaker.spring.provider.ProviderSettings;
import dev.breaker.spring.provider.Scope;

import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves {@code breaker.providers.*} over {@code breaker.defaults.*} over the built-in defaults,
 * and validates the result. Every invalid value throws {@link InvalidBreakerPropertyException}
 * naming the exact property that supplied it (a provider's own, or the default it inherited).
 */
final class ProviderSettingsResolver {

    static final List<String> DEFAULT_STREAM_FAILURE_TYPES = ErrorTypes.STREAM_FAILURES;

    static final DataSize DEFAULT_MODEL_SEARCH_LIMIT = DataSize.ofMegabytes(32);

    static final int DEFAULT_KEY_SERIES_LIMIT = 100;

    private final BreakerProperties properties;

    ProviderSettingsResolver(BreakerProperties properties) {
        this.properties = properties;
    }

    BreakerProviders resolve() {
        Map<String, ProviderSettings> byName = new LinkedHashMap<>();
        Map<String, String> prefixes = new HashMap<>();
        Map<String, String> baseUrls = new HashMap<>();
        properties.getProviders().forEach((name, own) -> {
            if (!properties.isEnabled()) {
                // Switched off: the providers still exist, so that clients built for one by name keep
                // working, but they protect nothing and their settings are neither read nor checked.
                byName.put(name, ProviderSettings.switchedOff(name));
                return;
            }
            ProviderSettings settings = new Provider(name, own, properties.getDefaults()).settings();
            claim(prefixes, settings.pathPrefix(), name, "path-prefix");
            claim(baseUrls, settings.baseUrl() == null ? null : settings.baseUrl().toString(), name, "base-url");
            byName.put(name, settings);
        });
        return new BreakerProviders(byName);
    }

    /**
     * The settings a provider named {@code name} would get from {@code breaker.defaults} alone: how a
     * call that no configured provider covers is judged where a judgement is still needed (a fallback
     * entry without a provider).
     */
    ProviderSettings unconfigured(String name) {
        if (!properties.isEnabled()) {
            return ProviderSettings.switchedOff(name);
        }
        return new Provider(name, new ProviderProperties(), properties.getDefaults()).settings();
    }

    private static void claim(Map<String, String> claimed, String value, String name, String property) {
        if (value == null) {
            return;
        }
        String other = claimed.putIfAbsent(value, name);
        if (other != null) {
            throw new InvalidBreakerPropertyException("breaker.providers." + name + "." + property, value,
                    "provider '" + other + "' already uses it; give each provider its own " + property);
        }
    }

    /** One provider's values, each remembering which property supplied it. */
    private static final class Provider {

        private final String name;
        private final ProviderProperties own;
        private final ProviderProperties defaults;

        Provider(String name, ProviderProperties own, ProviderProperties defaults) {
            this.name = name;
            this.own = own;
            this.defaults = defaults;
        }

        ProviderSettings settings() {
            BreakerConfig engine = engineConfig();
            return new ProviderSettings(
                    name,
                    value(ProviderProperties::getEnabled, true),
                    pathPrefix(),
                    baseUrl(),
                    scopes(),
                    modelHeader(),
                    headerName("tenant-header", value(ProviderProperties::getTenantHeader, "X-Tenant-Id")),
                    errorFormat(),
                    rejectionStatus(),
                    Set.copyOf(value(ProviderProperties::getStreamFailureTypes, DEFAULT_STREAM_FAILURE_TYPES)),
                    modelSearchLimit(),
                    value(ProviderProperties::getKeyTag, true),
                    keySeriesLimit(),
                    engine);
        }

        private BreakerConfig engineConfig() {
            BreakerConfig.Builder builder = BreakerConfig.builder();
            set(ProviderProperties::getFailureStatuses, list -> builder.failureStatuses(new LinkedHashSet<>(list)));
            set(ProviderProperties::getCountTimeouts, builder::countTimeouts);
            set(ProviderProperties::getFailureThreshold, threshold -> {
                if (threshold <= 0) {
                    throw invalid("failure-threshold", threshold,
                            "use a positive number of failures, or remove it to rely on the rate rule");
                }
                builder.failureThreshold(threshold);
            });
            set(ProviderProperties::getFailureRateThreshold, builder::failureRateThreshold);
            set(ProviderProperties::getMinimumCalls, builder::minimumCalls);
            set(ProviderProperties::getWindowSize, builder::windowSize);
            set(ProviderProperties::getWindowDuration, builder::windowDuration);
            set(ProviderProperties::getOpenDuration, builder::openDuration);
            set(ProviderProperties::getBackoffMultiplier, builder::backoffMultiplier);
            set(ProviderProperties::getMaxOpenDuration, builder::maxOpenDuration);
            set(ProviderProperties::getHalfOpenMaxCalls, builder::halfOpenMaxCalls);
            set(ProviderProperties::getHalfOpenSuccessesToClose, builder::halfOpenSuccessesToClose);
            set(ProviderProperties::getHonorRetryAfter, builder::honorRetryAfter);
            set(ProviderProperties::getQuotaErrors, builder::quotaErrors);
            set(ProviderProperties::getOpenJitter, builder::openJitter);
            set(ProviderProperties::getMaxBreakers, builder::maxBreakers);
            set(ProviderProperties::getProbeTimeout, builder::probeTimeout);
            set(ProviderProperties::getSlowCallDuration, builder::slowCallDuration);
            set(ProviderProperties::getSlowCallRateThreshold, builder::slowCallRateThreshold);
            try {
                return builder.build();
            } catch (InvalidBreakerConfigException e) {
                throw invalid(e.property(), e.value(), e.fix());
            }
        }

        private String pathPrefix() {
            String prefix = value(ProviderProperties::getPathPrefix, null);
            if (prefix == null || prefix.isBlank()) {
                return null;
            }
            String trimmed = prefix.trim();
            if (!trimmed.startsWith("/") || trimmed.contains("?") || trimmed.contains("*")) {
                throw invalid("path-prefix", prefix, "use a plain path that starts with '/', such as /anthropic");
            }
            while (trimmed.length() > 1 && trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            return trimmed;
        }

        private URI baseUrl() {
            String url = value(ProviderProperties::getBaseUrl, null);
            if (url == null || url.isBlank()) {
                return null;
            }
            String fix = "use an absolute http(s) URL without query, such as https://api.anthropic.com";
            try {
                String trimmed = url.trim();
                while (trimmed.endsWith("/")) {
                    trimmed = trimmed.substring(0, trimmed.length() - 1);
                }
                URI uri = new URI(trimmed);
                boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
                if (!http || uri.getHost() == null || uri.getRawQuery() != null) {
                    throw invalid("base-url", url, fix);
                }
                return uri;
            } catch (URISyntaxException e) {
                throw invalid("base-url", url, fix);
            }
        }

        private List<Scope> scopes() {
            List<String> names = value(ProviderProperties::getScope, List.of("endpoint"));
            String fix = "use provider, endpoint, model or tenant, or a list of endpoint, model and tenant";
            if (names.isEmpty()) {
                throw invalid("scope", names, fix);
            }
            Set<Scope> chosen = new LinkedHashSet<>();
            for (String name : names) {
                Scope scope = name == null ? null : Scope.fromName(name);
                if (scope == null) {
                    throw invalid("scope", String.join(",", names), "unknown scope '" + name + "'; " + fix);
                }
                chosen.add(scope);
            }
            if (chosen.contains(Scope.PROVIDER) && chosen.size() > 1) {
                throw invalid("scope", String.join(",", names),
                        "'provider' (one breaker for the whole provider) cannot be combined with other scopes");
            }
            List<Scope> ordered = new ArrayList<>(chosen);
            ordered.sort(null);
            return List.copyOf(ordered);
        }

        private int modelSearchLimit() {
            DataSize limit = value(ProviderProperties::getModelSearchLimit, DEFAULT_MODEL_SEARCH_LIMIT);
            if (limit.toBytes() < 1 || limit.toBytes() > Integer.MAX_VALUE) {
                throw invalid("model-search-limit", limit, "use a size between 1B and 2GB, for example 32MB");
            }
            return (int) limit.toBytes();
        }

        private int keySeriesLimit() {
            int limit = value(ProviderProperties::getKeySeriesLimit, DEFAULT_KEY_SERIES_LIMIT);
            if (limit < 0) {
                throw invalid("key-series-limit", limit,
                        "use 0 or more keys with series of their own (the others share the series with key _other)");
            }
            return limit;
        }

        private ErrorFormat errorFormat() {
            String name = value(ProviderProperties::getErrorFormat, "problem");
            ErrorFormat format = ErrorFormat.fromName(name);
            if (format == null) {
                throw invalid("error-format", name, "use anthropic, openai or problem");
            }
            return format;
        }

        private int rejectionStatus() {
            int status = value(ProviderProperties::getRejectionStatus, 503);
            if (status != 429 && (status < 500 || status > 599)) {
                throw invalid("rejection-status", status, "use 429 or a 5xx status such as 503");
            }
            return status;
        }

        private String modelHeader() {
            String header = value(ProviderProperties::getModelHeader, null);
            return header == null || header.isBlank() ? null : headerName("model-header", header);
        }

        private String headerName(String property, String header) {
            if (header == null || header.isBlank() || !header.trim().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw invalid(property, header, "use an HTTP header name such as X-Tenant-Id");
            }
            return header.trim();
        }

        private <T> void set(Function<ProviderProperties, T> getter, java.util.function.Consumer<T> setter) {
            T value = value(getter, null);
            if (value != null) {
                setter.accept(value);
            }
        }

        private <T> T value(Function<ProviderProperties, T> getter, T builtIn) {
            T value = own == null ? null : getter.apply(own);
            if (value == null && defaults != null) {
                value = getter.apply(defaults);
            }
            return value != null ? value : builtIn;
        }

        /** Names the provider's own property when it set one, else the default it inherited. */
        private InvalidBreakerPropertyException invalid(String property, Object value, String fix) {
            return new InvalidBreakerPropertyException(source(property) + "." + property, value, fix);
        }

        private String source(String property) {
            return ownSets(property) ? "breaker.providers." + name : defaultsSet(property) ? "breaker.defaults"
                    : "breaker.providers." + name;
        }

        private boolean ownSets(String property) {
            return own != null && PropertyAccess.isSet(own, property);
        }

        private boolean defaultsSet(String property) {
            return defaults != null && PropertyAccess.isSet(defaults, property);
        }
    }
}
