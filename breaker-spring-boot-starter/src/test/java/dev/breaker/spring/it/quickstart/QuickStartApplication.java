package dev.breaker.spring.it.quickstart;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of the README's quick start: nothing but {@link AnthropicProxy} and the starter. */
@SpringBootApplication
public class QuickStartApplication {
}
