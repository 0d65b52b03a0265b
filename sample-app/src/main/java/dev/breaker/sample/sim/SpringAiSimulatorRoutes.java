package dev.breaker.sample.sim;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The same simulated providers (same modes, same served counts) under {@code /sim/ai}, where the
 * failover demo's Spring AI models call them: {@code breaker.providers.spring-ai-anthropic} and
 * {@code spring-ai-openai} cover these URLs and no other door's.
 */
@Configuration(proxyBeanMethods = false)
class SpringAiSimulatorRoutes {

    @Bean
    RouterFunction<ServerResponse> springAiSimulatedProviders(SimulatorState state, FirstTokenDelay firstTokenDelay) {
        Simulator anthropic = new Simulator(state, "anthropic", "/v1/messages", new AnthropicDialect(), firstTokenDelay);
        Simulator openAi = new Simulator(state, "openai", "/v1/chat/completions", new OpenAiDialect(), firstTokenDelay);
        return RouterFunctions.route()
                .POST("/sim/ai/anthropic/v1/messages", anthropic::handle)
                .POST("/sim/ai/openai/v1/chat/completions", openAi::handle)
                .build();
    }
}
