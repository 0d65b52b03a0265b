package dev.breaker.sample;

import dev.breaker.core.clock.ManualClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Breakers read this clock instead of the system's: the starter's own clock bean backs off when it exists. */
@TestConfiguration(proxyBeanMethods = false)
class ManualClockConfiguration {

    @Bean
    ManualClock manualClock() {
        return new ManualClock();
    }
}
