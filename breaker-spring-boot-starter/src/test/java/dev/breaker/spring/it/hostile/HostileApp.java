package dev.breaker.spring.it.hostile;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A gateway whose handlers answer whatever path a client makes up: 200 under {@code /llm} (the worst
 * case: every key's outcome counts) and 404 under {@code /strict} (a route that does not exist).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class HostileApp {

    @Bean
    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST("/llm/**", request -> request.bodyToMono(String.class)
                        .then(ServerResponse.ok().bodyValue("{\"ok\":true}")))
                .POST("/strict/**", request -> request.bodyToMono(String.class)
                        .then(ServerResponse.notFound().build()))
                .build();
    }
}
