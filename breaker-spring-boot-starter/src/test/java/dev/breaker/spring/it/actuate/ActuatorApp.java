package dev.breaker.spring.it.actuate;

import dev.breaker.core.clock.ManualClock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A WebFlux application with Actuator and Prometheus; time moves only when a test says so. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ActuatorApp {

    @Bean
    ManualClock breakerClock() {
        return new ManualClock();
    }
}
