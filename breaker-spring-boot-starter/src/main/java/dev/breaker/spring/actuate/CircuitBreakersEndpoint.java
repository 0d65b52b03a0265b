package dev.breaker.spring.actuate;

import dev.breaker.core.Breaker;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
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
 *       "key":"…"}}: to one key, or without a key to every breaker the provider has. Forcing a key that
 *       has no breaker yet creates it; resetting one does nothing. A forced state holds until reset.</li>
 * </ul>
 * The write operation is reachable only where the application grants the endpoint write access
 * ({@code management.endpoint.circuitbreakers.access}).
 *
 * <p>Not final: {@link ProviderBreakersEndpoint} serves the same operations under another id.
 */
@WebEndpoint(id = "circuitbreakers")
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

    @WriteOperation
    public WebEndpointResponse<ProviderReport> change(@Selector String provider, String action, @Nullable String key) {
        BreakerAction chosen = BreakerAction.of(action);
        if (chosen == null) {
            throw new InvalidEndpointRequestException("Unknown action '" + action + "'; use one of " + BreakerAction.codes(),
                    "Unknown action");
        }
        ProviderBreakers breakers = registry.findProvider(provider);
        if (breakers == null) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        if (key != null) {
            Breaker breaker = chosen == BreakerAction.RESET ? breakers.find(key) : breakers.breaker(key);
            if (breaker != null) {
                chosen.applyTo(breaker);
            }
        } else {
            breakers.breakers().forEach(chosen::applyTo);
        }
        return new WebEndpointResponse<>(new ProviderReport(provider, views(breakers)));
    }

    private static List<BreakerView> views(ProviderBreakers provider) {
        return provider.breakers().stream().map(breaker -> BreakerView.of(breaker.snapshot())).sorted(BY_KEY).toList();
    }
}
