package dev.breaker.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Cloud Gateway application with no code of its own: its routes are configuration, and the
 * breakers come from the starter's inbound filter, selected by each provider's {@code path-prefix}.
 */
@SpringBootApplication
public class GatewayApplication {
}
