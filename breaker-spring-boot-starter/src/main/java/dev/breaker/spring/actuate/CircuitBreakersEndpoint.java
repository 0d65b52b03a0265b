package dev.breaker.spring.actuate;

import dev.breaker.core.Breaker;
import dev.breaker.core.registry.BreakerKeys;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code circuitbreakers} Actuator endpoint: every breaker's state, and operator overrides.
 * <ul>
 *   <li>{@code GET /actuator/circuitbreakers}: every provider's breakers, and the state store;</li>
 *   <li>{@code GET /actuator/circuitbreakers/{provider}}: one provider's (404 when not configured);</li>
 *   <li>{@code POST /actuator/circuitbreakers/{provider}} {@code {"action":"force-open"|"force-closed"|"reset",
 *       "key":"…"}}: to one key, or without a key to every breaker the provider has. A key without a
 *       breaker is a 404 that says so, unless {@code "create":true} asks to force one into being; a bad
 *       action or key is a 400 that lists the valid actions. A forced state holds until reset.</li>
 * </ul>
 * The endpoint is read-only by default: forcing needs an explicit grant,
 * {@code management.endpoint.circuitbreakers.access: unrestricted}.
 *
 * <p>Not final: {@link ProviderBreakersEndpoint} serves the same operations under another id.
 */
@WebEndpoint(id = "circuitbreakers", defaultAccess = Access.READ_ONLY)
public class CircuitBreakersEndpoint {

    private static final Comparator<BreakerView> BY_KEY = Comparator.comparing(BreakerView::key);

    private final BreakerRegistry registry;

    public CircuitBreakersEndpoint(BreakerRegistry registry) {
        this.registry = registry;
    }

    @ReadOperation
    public BreakersReport breakers() {
        Map<String, BreakersReport.Breakers> providers = new LinkedHashMap<>();
        for (ProviderBreakers provider : registry.providers()) {
            providers.put(provider.provider(), new BreakersReport.Breakers(views(provider)));
        }
        return new BreakersReport(providers, registry.store().status());
    }

    @ReadOperation
    public @Nullable ProviderReport provider(@Selector String provider) {
        ProviderBreakers breakers = registry.findProvider(provider);
        return breakers == null ? null : new ProviderReport(provider, views(breakers));
    }

    /**
     * Forces or resets breakers. A key must name a breaker that exists (a key seen in traffic), unless
     * {@code create} is true: a typo then says so instead of silently forcing a breaker nobody uses.
     */
    @WriteOperation
    public WebEndpointResponse<Object> change(@Selector String provider, @Nullable String action, @Nullable String key,
                                              @Nullable Boolean create) {
        BreakerAction chosen = BreakerAction.of(action);
        if (chosen == null) {
            return ActionRefused.badAction(action);
        }
        ProviderBreakers breakers = registry.findProvider(provider);
        if (breakers == null) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        if (key == null) {
            breakers.breakers().forEach(chosen::applyTo);
        } else if (key.isBlank() || key.length() > BreakerKeys.MAX_LENGTH) {
            return ActionRefused.badKey(key);
        } else {
            Breaker breaker = Boolean.TRUE.equals(create) && chosen != BreakerAction.RESET
                    ? breakers.breaker(key) : breakers.find(key);
            if (breaker == null) {
                return ActionRefused.noBreaker(provider, key);
            }
            chosen.applyTo(breaker);
        }
        return new WebEndpointResponse<>(new ProviderReport(provider, views(breakers)));
    }

    private static List<BreakerView> views(ProviderBreakers provider) {
        return provider.breakers().stream().map(breaker -> BreakerView.of(breaker.snapshot(), breaker.config().judgesSlowCalls())).sorted(BY_KEY).toList();
    }
}
