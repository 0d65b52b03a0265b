package dev.breaker.llm;

import dev.breaker.core.clock.ManualClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A Spring AI application with three chat models and the starter; breaker time moves only when told to. */
@SpringBootConfiguration
@EnableAutoConfiguration
class FailoverTestApplication {

    @Bean
    ManualClock breakerClock() {
        return new ManualClock();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
