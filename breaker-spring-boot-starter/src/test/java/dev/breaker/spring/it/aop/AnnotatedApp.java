package dev.breaker.spring.it.aop;

import dev.breaker.core.clock.ManualClock;
import dev.breaker.spring.it.Upstream;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** An application with one bean of @ProviderBreaker methods; time moves only when a test says so. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AnnotatedApp {

    /** Nothing listens here: connections are refused at once. */
    static final String UNREACHABLE = "http://127.0.0.1:9";

    @Bean
    ManualClock breakerClock() {
        return new ManualClock();
    }

    @Bean
    ModelClient modelClient() {
        return new ModelClient(Upstream.baseUrl(), UNREACHABLE);
    }
}
