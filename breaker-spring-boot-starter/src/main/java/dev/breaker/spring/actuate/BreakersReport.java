package dev.breaker.spring.actuate;

import dev.breaker.core.StoreStatus;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /actuator/circuitbreakers}: every provider's breakers, and where their state is kept.
 *
 * @param providers by name, in configuration order
 * @param store the state store: {@code type} ({@code memory}, {@code redis}), {@code connected}, {@code detail}
 */
public record BreakersReport(Map<String, Breakers> providers, StoreStatus store) implements OperationResponseBody {

    /** One provider's breakers, by key. */
    public record Breakers(List<BreakerView> breakers) {
    }
}
