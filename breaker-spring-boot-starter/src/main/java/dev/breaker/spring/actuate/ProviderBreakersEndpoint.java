package dev.breaker.spring.actuate;

import dev.breaker.core.registry.BreakerRegistry;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The {@link CircuitBreakersEndpoint} under the id {@code providerbreakers}, for applications where
 * resilience4j's Spring Boot module already serves {@code /actuator/circuitbreakers}: two endpoints
 * cannot share an id, and neither should silently disappear.
 */
@WebEndpoint(id = "providerbreakers", defaultAccess = Access.READ_ONLY)
public final class ProviderBreakersEndpoint extends CircuitBreakersEndpoint {

    public ProviderBreakersEndpoint(BreakerRegistry registry) {
        super(registry);
    }
}
