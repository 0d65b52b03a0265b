package dev.breaker.spring.it.config;

import dev.breaker.spring.autoconfigure.BreakerAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/** The smallest application that resolves the breaker configuration: start-up fails fast on a bad property. */
@SpringBootConfiguration
@ImportAutoConfiguration(BreakerAutoConfiguration.class)
public class BreakerOnlyApplication {
}
