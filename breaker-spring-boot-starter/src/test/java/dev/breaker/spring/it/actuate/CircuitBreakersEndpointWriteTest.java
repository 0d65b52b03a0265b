package dev.breaker.spring.it.actuate;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerState;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ActuatorAppTest
@TestPropertySource(properties = "management.endpoint.circuitbreakers.access=unrestricted")
class CircuitBreakersEndpointWriteTest {

    @Autowired
    WebTestClient client;

    @Autowired
    BreakerRegistry registry;

    @Autowired
    ManualClock clock;

    @Test
    void forcesOneKeyOpenUntilItIsReset() {
        registry.breaker("openai", "/v1/chat/completions");

        post("{\"action\":\"force-open\",\"key\":\"/v1/chat/completions\"}").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.provider").isEqualTo("openai")
                .jsonPath("$.breakers[?(@.key == '/v1/chat/completions')].state").isEqualTo("OPEN")
                .jsonPath("$.breakers[?(@.key == '/v1/chat/completions')].forced").isEqualTo(true)
                .jsonPath("$.breakers[?(@.key == '/v1/chat/completions')].reason").isEqualTo("forced");
        Breaker breaker = registry.provider("openai").find("/v1/chat/completions");

        clock.advance(Duration.ofMinutes(10));
        assertThat(breaker.tryAcquire()).isNull();
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);

        post("{\"action\":\"reset\",\"key\":\"/v1/chat/completions\"}").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.breakers[?(@.key == '/v1/chat/completions')].state").isEqualTo("CLOSED")
                .jsonPath("$.breakers[?(@.key == '/v1/chat/completions')].forced").isEqualTo(false);
        assertThat(breaker.tryAcquire()).isNotNull();
    }

    @Test
    void forcesEveryBreakerOfTheProviderClosedWhenNoKeyIsGiven() {
        Breaker embeddings = registry.breaker("openai", "/v1/embeddings");
        Breaker images = registry.breaker("openai", "/v1/images");

        post("{\"action\":\"force-closed\"}").expectStatus().isOk();
        for (int i = 0; i < 5; i++) {
            embeddings.acquire().onFailure(503);
        }

        assertThat(embeddings.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(embeddings.isForced()).isTrue();
        assertThat(images.isForced()).isTrue();
        post("{\"action\":\"reset\"}").expectStatus().isOk();
        assertThat(embeddings.isForced()).isFalse();
        assertThat(images.isForced()).isFalse();
    }

    @Test
    void answersAnUnknownActionWithA400ThatListsTheValidActions() {
        post("{\"action\":\"explode\",\"key\":\"/v1/chat/completions\"}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error").value(error -> assertThat((String) error).contains("Unknown action 'explode'",
                        "force-open, force-closed, reset"))
                .jsonPath("$.validActions").isEqualTo(List.of("force-open", "force-closed", "reset"));
    }

    @Test
    void answersARequestWithoutAnActionWithA400ThatListsTheValidActions() {
        post("{\"key\":\"/v1/chat/completions\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.validActions.length()").isEqualTo(3);
    }

    @Test
    void forcingAKeyThatHasNoBreakerSaysSoAndCreatesNone() {
        post("{\"action\":\"force-open\",\"key\":\"/v1/chat/completoins\"}").expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.error").isEqualTo("Provider 'openai' has no breaker with key '/v1/chat/completoins'")
                .jsonPath("$.hint").value(hint -> assertThat((String) hint).contains("\"create\":true"));

        assertThat(registry.provider("openai").find("/v1/chat/completoins")).isNull();
    }

    @Test
    void aNumericKeyIsTextThatMustNameABreakerToo() {
        post("{\"action\":\"force-open\",\"key\":42}").expectStatus().isNotFound();

        assertThat(registry.provider("openai").find("42")).isNull();
    }

    @Test
    void anEmptyKeyIsABadRequest() {
        post("{\"action\":\"force-open\",\"key\":\" \"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("The key is empty");

        assertThat(registry.provider("openai").find(" ")).isNull();
    }

    @Test
    void forcesAKeyThatHasNoBreakerYetWhenAskedToCreateIt() {
        post("{\"action\":\"force-open\",\"key\":\"/v1/responses\",\"create\":true}").expectStatus().isOk()
                .expectBody().jsonPath("$.breakers[?(@.key == '/v1/responses')].state").isEqualTo("OPEN");

        assertThat(registry.provider("openai").find("/v1/responses").isForced()).isTrue();
        post("{\"action\":\"reset\",\"key\":\"/v1/responses\"}").expectStatus().isOk();
    }

    @Test
    void answersNotFoundForAProviderThatIsNotConfigured() {
        client.post().uri("/actuator/circuitbreakers/nope").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\":\"reset\"}").exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec post(String body) {
        return client.post().uri("/actuator/circuitbreakers/openai").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }
}
