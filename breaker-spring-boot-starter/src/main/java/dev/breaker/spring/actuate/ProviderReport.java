package dev.breaker.spring.actuate;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

import java.util.List;

/** {@code GET /actuator/circuitbreakers/{provider}}: one provider's breakers, by key. */
public record ProviderReport(String provider, List<BreakerView> breakers) implements OperationResponseBody {
}
