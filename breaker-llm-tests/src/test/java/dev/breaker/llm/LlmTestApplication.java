package dev.breaker.llm;

import dev.breaker.core.clock.ManualClock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A Spring AI application with the starter on its class path; breaker time moves only when told to. */
@SpringBootConfiguration
@EnableAutoConfiguration
class LlmTestApplication {

    @Bean
    ManualClock breakerClock() {
        return new ManualClock();
    }
}
