package dev.breaker.sample.sim;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The simulated providers, served by this application under {@code /sim}:
 * {@code POST /sim/anthropic/v1/messages} and {@code POST /sim/openai/v1/chat/completions}.
 */
@Configuration(proxyBeanMethods = false)
class SimulatorRoutes {

    @Bean
    FirstTokenDelay firstTokenDelay() {
        return FirstTokenDelay.realTime();
    }

    @Bean
    RouterFunction<ServerResponse> simulatedProviders(SimulatorState state, FirstTokenDelay firstTokenDelay) {
        Simulator anthropic = new Simulator(state, "anthropic", "/v1/messages", new AnthropicDialect(), firstTokenDelay);
        Simulator openAi = new Simulator(state, "openai", "/v1/chat/completions", new OpenAiDialect(), firstTokenDelay);
        return RouterFunctions.route()
                .POST("/sim/anthropic/v1/messages", anthropic::handle)
                .POST("/sim/openai/v1/chat/completions", openAi::handle)
                .build();
    }
}
