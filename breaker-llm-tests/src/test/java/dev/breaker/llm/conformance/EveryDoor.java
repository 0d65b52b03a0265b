package dev.breaker.llm.conformance;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.llm.LangChain4jBreakers;
import dev.breaker.spring.llm.OpenAiBreakers;
import dev.breaker.spring.outbound.OutboundGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What a test that drives a call through every door needs: the {@link Doors}, opened once for the
 * test class from the conformance application's beans, and the registry their breakers live in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EveryDoor {

    @Autowired
    BreakerRegistry registry;

    @Autowired
    OutboundGuard guard;

    @Autowired
    OpenAiBreakers openAiBreakers;

    @Autowired
    LangChain4jBreakers langChain4jBreakers;

    @Autowired
    AnnotatedClient annotatedClient;

    @Autowired
    WebClient.Builder webClientBuilder;

    @Autowired
    ObjectProvider<RestClientCustomizer> restClientCustomizers;

    @LocalServerPort
    int gatewayPort;

    Doors doors;

    @BeforeAll
    void openEveryDoor() {
        doors = new Doors(guard, openAiBreakers, langChain4jBreakers, annotatedClient, webClientBuilder,
                restClientCustomizers.orderedStream().toList(), gatewayPort);
    }

    @AfterAll
    void closeEveryDoor() {
        doors.close();
    }
}
