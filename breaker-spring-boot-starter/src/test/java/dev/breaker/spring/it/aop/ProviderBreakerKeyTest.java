package dev.breaker.spring.it.aop;

import dev.breaker.core.Breaker;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import dev.breaker.spring.it.Upstream;
import dev.breaker.spring.it.aop.ModelClient.ChatRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

@AnnotatedAppTest
class ProviderBreakerKeyTest {

    @Autowired
    ModelClient client;

    @Autowired
    BreakerRegistry registry;

    @BeforeEach
    void upstreamAnswersEveryModel() {
        Upstream.server().stubFor(get(urlPathMatching("/models/.*")).willReturn(ok("hello")));
    }

    @Test
    void keysEachBreakerByTheArgumentThatTheExpressionNames() {
        client.complete("key-gpt-4o");
        client.complete("key-claude");
        client.complete("key-claude");

        ProviderBreakers llm = registry.provider("llm");
        assertThat(llm.find("key-gpt-4o").totalSuccesses()).isEqualTo(1);
        assertThat(llm.find("key-claude").totalSuccesses()).isEqualTo(2);
    }

    @Test
    void evaluatesMethodCallsOnArguments() {
        client.completeFor(new ChatRequest("acme", "key-record"));

        assertThat(registry.provider("llm").find("acme|key-record")).isNotNull();
    }

    @Test
    void usesOneBreakerForTheWholeProviderWithoutAKey() {
        long before = successes(registry.provider("llm").find("*"));

        client.completeWholeProvider("key-a");
        client.completeWholeProvider("key-b");

        assertThat(successes(registry.provider("llm").find("*")) - before).isEqualTo(2);
        assertThat(registry.provider("llm").find("key-a")).isNull();
    }

    @Test
    void standsInADashForANullKey() {
        long before = successes(registry.provider("llm").find("-"));

        client.complete(null);

        assertThat(successes(registry.provider("llm").find("-")) - before).isEqualTo(1);
    }

    @Test
    void leavesCallsOfADisabledProviderAlone() {
        Upstream.server().stubFor(get("/models/key-off").willReturn(ok("unguarded")));

        assertThat(client.completeUnguarded("key-off")).isEqualTo("unguarded");

        assertThat(registry.provider("off").size()).isZero();
    }

    private static long successes(Breaker breaker) {
        return breaker == null ? 0 : breaker.totalSuccesses();
    }
}
