package dev.breaker.spring.it.hostile;

import dev.breaker.core.registry.BreakerKeys;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50,000 requests, each with its own long path, model name and tenant id, as a hostile client would
 * send them, against the documented bounds (README, "Running it in production"): a provider holds at
 * most twice {@code max-breakers} breakers, at most {@code key-series-limit} + 1 keys have meter
 * series, keys are at most 256 characters, and the Prometheus scrape stays small and answers.
 */
@SpringBootTest(classes = HostileApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=prometheus,circuitbreakers",
        "breaker.providers.llm.path-prefix=/llm",
        "breaker.providers.llm.scope=endpoint,model,tenant",
        "breaker.providers.llm.max-breakers=5000",
        "breaker.providers.strict.path-prefix=/strict",
        "spring.codec.max-in-memory-size=1MB"})
@AutoConfigureMetrics
class HostileTrafficTest {

    private static final int REQUESTS = 50_000;
    private static final int NOT_FOUND = 5_000;
    private static final int MAX_BREAKERS = 5_000;
    private static final int SERIES_PER_KEY = 6;
    private static final int MAX_SCRAPE_BYTES = 512 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    BreakerRegistry registry;

    @Test
    void clientChosenPathsModelsAndTenantsGrowNothingBeyondTheDocumentedBounds() {
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
        AtomicInteger answered = new AtomicInteger();
        Random random = new Random(13);
        String padding = "x".repeat(4_000);

        Flux.range(0, REQUESTS + NOT_FOUND).flatMap(i -> {
            boolean strict = i >= REQUESTS;
            String path = (strict ? "/strict/no/such/route-" : "/llm/v1/") + padding.substring(random.nextInt(3_000)) + i;
            String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"model-" + i + "-"
                    + padding.substring(0, 300) + "\"}";
            return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).header("X-Tenant-Id", "tenant-" + i)
                    .bodyValue(body).exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode()))
                    .doOnNext(status -> answered.incrementAndGet());
        }, 32).blockLast(Duration.ofMinutes(3));

        assertThat(answered).hasValue(REQUESTS + NOT_FOUND);

        ProviderBreakers llm = registry.provider("llm");
        assertThat(llm.size()).as("breakers of a provider flooded with new keys").isLessThanOrEqualTo(2 * MAX_BREAKERS);
        assertThat(llm.breakers()).allMatch(breaker -> breaker.id().key().length() <= BreakerKeys.MAX_LENGTH);
        ProviderBreakers strict = registry.provider("strict");
        assertThat(strict.size()).as("404s on made-up routes leave no breaker").isZero();
        assertThat(strict.ignoredWithoutBreaker()).isEqualTo(NOT_FOUND);

        String scrape = client.get().uri("/actuator/prometheus").retrieve().bodyToMono(String.class)
                .block(Duration.ofSeconds(30));
        assertThat(scrape).as("the scrape answers").isNotNull();
        assertThat(scrape.length()).as("scrape size").isLessThan(MAX_SCRAPE_BYTES);
        long llmSeries = scrape.lines().filter(line -> line.startsWith("breaker_")).filter(line -> line.contains("provider=\"llm\"")).count();
        assertThat(llmSeries).as("series of the flooded provider").isLessThanOrEqualTo((100 + 1) * SERIES_PER_KEY);
        assertThat(scrape).contains("key=\"_other\"");
        long strictSeries = scrape.lines().filter(line -> line.startsWith("breaker_")).filter(line -> line.contains("provider=\"strict\"")).count();
        assertThat(strictSeries).as("the 404 provider: only its _other series").isEqualTo(SERIES_PER_KEY);

        String endpoint = client.get().uri("/actuator/circuitbreakers").retrieve().bodyToMono(String.class)
                .block(Duration.ofSeconds(30));
        assertThat(endpoint).isNotNull();
        assertThat(endpoint.length()).as("endpoint size: at most ~600 bytes per breaker")
                .isLessThan(2 * MAX_BREAKERS * 600);
    }
}
