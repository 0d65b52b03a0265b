package dev.breaker.spring.it.actuate;

import dev.breaker.core.Breaker;
import dev.breaker.core.Permit;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The meters as a Prometheus server scrapes them from /actuator/prometheus. */
@ActuatorAppTest
class PrometheusMetersTest {

    private static final Map<String, String> GENERATE = Map.of("provider", "gemini", "key", "/v1/generate");

    @Autowired
    WebTestClient client;

    @Autowired
    BreakerRegistry registry;

    @Autowired
    ManualClock clock;

    @Test
    void followTheBreakerThroughClosedOpenHalfOpenAndClosedAgain() {
        Breaker breaker = registry.breaker("gemini", "/v1/generate");
        assertThat(scrape().value("breaker_state", GENERATE)).isEqualTo(0.0);

        for (int i = 0; i < 3; i++) {
            breaker.acquire().onFailure(503);
        }
        breaker.tryAcquire();
        breaker.tryAcquire();
        PrometheusScrape open = scrape();
        assertThat(open.value("breaker_state", GENERATE)).isEqualTo(1.0);
        assertThat(open.value("breaker_trips_total", GENERATE)).isEqualTo(1.0);
        assertThat(open.value("breaker_rejections_total", GENERATE)).isEqualTo(2.0);
        assertThat(open.value("breaker_calls_total", outcome("failure"))).isEqualTo(3.0);

        clock.advance(Duration.ofSeconds(30));
        Permit probe = breaker.acquire();
        assertThat(scrape().value("breaker_state", GENERATE)).isEqualTo(0.5);

        probe.onSuccess();
        PrometheusScrape closed = scrape();
        assertThat(closed.value("breaker_state", GENERATE)).isEqualTo(0.0);
        assertThat(closed.value("breaker_trips_total", GENERATE)).isEqualTo(1.0);
        assertThat(closed.value("breaker_rejections_total", GENERATE)).isEqualTo(2.0);
        assertThat(closed.value("breaker_calls_total", outcome("success"))).isEqualTo(1.0);
        assertThat(closed.value("breaker_calls_total", outcome("ignored"))).isEqualTo(0.0);
    }

    @Test
    void dropTheSeriesOfAnEvictedBreaker() {
        registry.breaker("models", "gpt-4o").acquire().onSuccess();
        assertThat(scrape().value("breaker_state", Map.of("provider", "models", "key", "gpt-4o"))).isNotNull();
        clock.advance(ProviderBreakers.RECENT);
        registry.breaker("models", "claude");
        clock.advance(ProviderBreakers.RECENT);

        registry.breaker("models", "llama");

        PrometheusScrape scrape = scrape();
        assertThat(scrape.value("breaker_state", Map.of("provider", "models", "key", "gpt-4o"))).isNull();
        assertThat(scrape.value("breaker_calls_total", Map.of("provider", "models", "key", "gpt-4o"))).isNull();
        assertThat(scrape.value("breaker_state", Map.of("provider", "models", "key", "llama"))).isEqualTo(0.0);
    }

    @Test
    void sumAProviderWithoutKeyTagIntoOneSeries() {
        registry.breaker("tenants", "acme").acquire().onSuccess();
        registry.breaker("tenants", "globex").acquire().onFailure(429);

        PrometheusScrape scrape = scrape();
        assertThat(scrape.value("breaker_calls_total", Map.of("provider", "tenants", "key", "*", "outcome", "success")))
                .isEqualTo(1.0);
        assertThat(scrape.value("breaker_calls_total", Map.of("provider", "tenants", "key", "*", "outcome", "failure")))
                .isEqualTo(1.0);
        assertThat(scrape.value("breaker_state", Map.of("provider", "tenants", "key", "acme"))).isNull();
    }

    private static Map<String, String> outcome(String outcome) {
        return Map.of("provider", "gemini", "key", "/v1/generate", "outcome", outcome);
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(client);
    }
}
