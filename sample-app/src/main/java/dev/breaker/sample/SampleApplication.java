package dev.breaker.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * An AI gateway in front of simulated Anthropic and OpenAI providers, showing the three ways to use
 * Provider Breaker: the inbound filter ({@code gateway}), a protected {@code WebClient} and
 * {@code @ProviderBreaker} ({@code demo}). The simulators ({@code sim}) run in the same application,
 * so it needs no API keys and no other services. Open http://localhost:8080/ once it has started.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
