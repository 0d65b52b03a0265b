package dev.breaker.spring.it.gateway;

import dev.breaker.core.clock.ManualClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A tiny AI gateway: its endpoints forward to the upstreams, and the starter's WebFilter guards them.
 * Time is a {@link ManualClock}, so tests move past open periods without sleeping.
 */
@SpringBootApplication
public class GatewayApplication {

    @Bean
    ManualClock breakerClock() {
        return new ManualClock();
    }

    @Bean
    StreamGate streamGate() {
        return new StreamGate();
    }
}
