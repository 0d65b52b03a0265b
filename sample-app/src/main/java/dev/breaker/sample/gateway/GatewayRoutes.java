package dev.breaker.sample.gateway;

import dev.breaker.sample.SampleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

/**
 * The gateway: {@code /anthropic/**} and {@code /openai/**} forward to the simulated providers.
 *
 * <p>This is the first way to use the starter, and it takes no code: {@code breaker.providers.anthropic.path-prefix}
 * is {@code /anthropic}, so the starter's inbound filter asks the {@code anthropic} breaker before each
 * request reaches these routes, rejects it with 503 and {@code Retry-After} in Anthropic's error shape
 * while the breaker is open, and records the status these routes answer with.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    @Bean
    RouterFunction<ServerResponse> gateway(WebClient.Builder builder, SampleProperties properties) {
        // Built from the auto-configured builder. The simulator's URL is covered by no breaker's
        // base-url, so the inbound filter alone guards these calls and none is counted twice.
        WebClient upstream = builder.build();
        Forwarder anthropic = new Forwarder(upstream, properties, "anthropic", UpstreamErrors.ANTHROPIC);
        Forwarder openAi = new Forwarder(upstream, properties, "openai", UpstreamErrors.OPENAI);
        return RouterFunctions.route()
                .route(path("/anthropic/**"), anthropic::forward)
                .route(path("/openai/**"), openAi::forward)
                .build();
    }
}
