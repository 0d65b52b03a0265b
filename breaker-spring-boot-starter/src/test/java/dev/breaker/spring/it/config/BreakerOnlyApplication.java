package dev.breaker.spring.it.config;

import dev.breaker.spring.autoconfigure.BreakerAutoConfiguration;
import dev.breaker.spring.autoconfigure.diagnostics.BreakerDiagnosticsAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/** The smallest application that resolves and checks the breaker configuration: start-up fails fast on a bad property. */
@SpringBootConfiguration
@ImportAutoConfiguration({BreakerAutoConfiguration.class, BreakerDiagnosticsAutoConfiguration.class})
public class BreakerOnlyApplication {
}
