package dev.breaker.llm;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** One replica of a Spring AI application with the starter, on the system clock. */
@SpringBootConfiguration
@EnableAutoConfiguration
class FailoverReplicaApplication {
}
