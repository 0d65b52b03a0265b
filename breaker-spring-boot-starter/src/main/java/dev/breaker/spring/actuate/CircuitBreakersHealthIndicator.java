package dev.breaker.spring.actuate;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerState;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code circuitBreakers} health component. UP, with every breaker that is not CLOSED in the
 * details and the state store's status; DOWN while a breaker is OPEN only when {@code downWhenOpen}
 * ({@code breaker.health.down-when-open}), since an upstream's outage is rarely a reason to take this
 * service out of a load balancer or restart it.
 */
public final class CircuitBreakersHealthIndicator extends AbstractHealthIndicator {

    private final BreakerRegistry registry;
    private final boolean downWhenOpen;

    public CircuitBreakersHealthIndicator(BreakerRegistry registry, boolean downWhenOpen) {
        super("Circuit breakers health check failed");
        this.registry = registry;
        this.downWhenOpen = downWhenOpen;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Map<String, Object>> notClosed = new ArrayList<>();
        boolean anyOpen = false;
        for (ProviderBreakers provider : registry.providers()) {
            for (Breaker breaker : provider.breakers()) {
                if (breaker.state() != BreakerState.CLOSED) {
                    BreakerView view = BreakerView.of(breaker.snapshot(), breaker.config().judgesSlowCalls());
                    anyOpen |= view.state() == BreakerState.OPEN;
                    notClosed.add(describe(provider.provider(), view));
                }
            }
        }
        if (anyOpen && downWhenOpen) {
            builder.down();
        } else {
            builder.up();
        }
        builder.withDetail("breakers", notClosed).withDetail("store", registry.store().status());
    }

    private static Map<String, Object> describe(String provider, BreakerView view) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", provider);
        details.put("key", view.key());
        details.put("state", view.state());
        details.put("forced", view.forced());
        details.put("reason", view.reason());
        details.put("retryAfterSeconds", view.retryAfterSeconds());
        return details;
    }
}
