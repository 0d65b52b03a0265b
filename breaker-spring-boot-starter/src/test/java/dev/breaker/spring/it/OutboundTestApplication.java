package dev.breaker.spring.it;

import dev.breaker.core.clock.ManualClock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** An application that calls providers through Spring Boot's client builders; time moves only when told to. */
@SpringBootConfiguration
@EnableAutoConfiguration
class OutboundTestApplication {

    @Bean
    ManualClock breakerClock() {
        return new ManualClock();
    }
}
