package dev.breaker.spring.it.actuate;

import dev.breaker.core.Breaker;
import dev.breaker.core.CallResult;
import dev.breaker.core.registry.BreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider with {@code slow-call-duration} shows its slow calls in the endpoint and in {@code breaker.slow.calls}. */
@ActuatorAppTest
class SlowCallsTest {

    private static final long SLOW = Duration.ofSeconds(3).toNanos();
    private static final long QUICK = Duration.ofMillis(200).toNanos();

    @Autowired
    WebTestClient client;

    @Autowired
    BreakerRegistry registry;

    @Test
    void theEndpointShowsSlowCallsAndTheirRateOnlyWhereSlowCallsAreJudged() {
        Breaker sluggish = registry.breaker("sluggish", "/v1/slow-shown");
        sluggish.acquire().onResult(CallResult.SUCCESS, QUICK);
        sluggish.acquire().onResult(CallResult.SUCCESS, QUICK);
        sluggish.acquire().onResult(CallResult.SUCCESS, QUICK);
        sluggish.acquire().onResult(CallResult.SUCCESS, SLOW);
        registry.breaker("anthropic", "/v1/not-judged").acquire().onResult(CallResult.SUCCESS, SLOW);

        client.get().uri("/actuator/circuitbreakers").exchange().expectBody()
                .jsonPath("$.providers.sluggish.breakers[?(@.key == '/v1/slow-shown')].slowCalls").isEqualTo(1)
                .jsonPath("$.providers.sluggish.breakers[?(@.key == '/v1/slow-shown')].slowCallRate").isEqualTo(0.25)
                .jsonPath("$.providers.anthropic.breakers[?(@.key == '/v1/not-judged')].calls").isEqualTo(1)
                .jsonPath("$.providers.anthropic.breakers[?(@.key == '/v1/not-judged')].slowCalls").doesNotExist();
    }

    @Test
    void countsSlowCallsInBreakerSlowCallsOnlyWhereSlowCallsAreJudged() {
        Breaker sluggish = registry.breaker("sluggish", "/v1/slow-counted");
        sluggish.acquire().onResult(CallResult.SUCCESS, SLOW);
        sluggish.acquire().onResult(CallResult.IGNORED, SLOW);
        sluggish.acquire().onResult(CallResult.failure(503, null), SLOW);
        registry.breaker("gemini", "/v1/not-judged").acquire().onResult(CallResult.SUCCESS, SLOW);

        PrometheusScrape scrape = PrometheusScrape.of(client);
        assertThat(scrape.value("breaker_slow_calls_total", Map.of("provider", "sluggish", "key", "/v1/slow-counted")))
                .as("a slow success and a slow failure; an ignored call is never slow").isEqualTo(2.0);
        assertThat(scrape.value("breaker_slow_calls_total", Map.of("provider", "gemini", "key", "/v1/not-judged")))
                .isNull();
    }
}
