package dev.breaker.sample;

import dev.breaker.core.clock.ManualClock;
import org.springframework.boot.test.context.TestConfiguration;
import dev.breaker.sample.sim.FirstTokenDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/**
 * Breakers read this clock instead of the system's: the starter's own clock bean backs off when it
 * exists. A sluggish simulated provider's wait for its first token moves this clock, so its calls are
 * slow to the breakers at once.
 */
@TestConfiguration(proxyBeanMethods = false)
class ManualClockConfiguration {

    @Bean
    ManualClock manualClock() {
        return new ManualClock();
    }

    /** A sluggish provider's wait moves the breakers' clock instead of taking real time. */
    @Bean
    @Primary
    FirstTokenDelay manualFirstTokenDelay(ManualClock clock) {
        return delay -> Mono.fromRunnable(() -> clock.advance(delay));
    }
}
