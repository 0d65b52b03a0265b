package dev.breaker.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring Cloud Gateway (WebFlux server) with routes to the {@link Upstream}, configured as a user
 * would: {@code /anthropic/**} and {@code /openai/**}, each with {@code StripPrefix=1}, and
 * {@code /anthropic/v1/slow} with a 500 ms response timeout, and {@code /anthropic/v1/down} to a closed port. {@code anthropic} has a breaker per endpoint,
 * {@code openai} one per endpoint and model (read from the JSON body). The starter's
 * inbound filter guards them through each provider's {@code path-prefix}. Every subclass shares one
 * context, so tests keep their breakers apart by endpoint.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.gateway.server.webflux.routes[0].id=anthropic-slow",
        "spring.cloud.gateway.server.webflux.routes[0].uri=${upstream.url}",
        "spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/anthropic/v1/slow",
        "spring.cloud.gateway.server.webflux.routes[0].filters[0]=StripPrefix=1",
        "spring.cloud.gateway.server.webflux.routes[0].metadata.response-timeout=500",
        "spring.cloud.gateway.server.webflux.routes[3].id=anthropic-down",
        "spring.cloud.gateway.server.webflux.routes[3].uri=${closed.url}",
        "spring.cloud.gateway.server.webflux.routes[3].predicates[0]=Path=/anthropic/v1/down",
        "spring.cloud.gateway.server.webflux.routes[3].filters[0]=StripPrefix=1",
        "spring.cloud.gateway.server.webflux.routes[3].order=-1",
        "spring.cloud.gateway.server.webflux.routes[1].id=anthropic",
        "spring.cloud.gateway.server.webflux.routes[1].uri=${upstream.url}",
        "spring.cloud.gateway.server.webflux.routes[1].predicates[0]=Path=/anthropic/**",
        "spring.cloud.gateway.server.webflux.routes[1].filters[0]=StripPrefix=1",
        "spring.cloud.gateway.server.webflux.routes[2].id=openai",
        "spring.cloud.gateway.server.webflux.routes[2].uri=${upstream.url}",
        "spring.cloud.gateway.server.webflux.routes[2].predicates[0]=Path=/openai/**",
        "spring.cloud.gateway.server.webflux.routes[2].filters[0]=StripPrefix=1",
        "breaker.defaults.failure-threshold=3",
        "breaker.defaults.open-duration=30s",
        "breaker.providers.anthropic.path-prefix=/anthropic",
        "breaker.providers.anthropic.error-format=anthropic",
        "breaker.providers.openai.path-prefix=/openai",
        "breaker.providers.openai.error-format=openai",
        "breaker.providers.openai.scope=endpoint,model",
        "management.endpoints.web.exposure.include=circuitbreakers"})
@AutoConfigureWebTestClient(timeout = "30s")
abstract class GatewayRouteTest {

    @Autowired
    protected WebTestClient client;

    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("upstream.url", Upstream::baseUrl);
        registry.add("closed.url", Upstream::closedUrl);
    }

    /** A POST through the gateway with a JSON body. */
    protected WebTestClient.ResponseSpec post(String path, String body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The breaker of {@code provider} for {@code key}, as {@code GET /actuator/circuitbreakers/{provider}} shows it. */
    protected JsonNode breaker(String provider, String key) {
        JsonNode breaker = breakerOrNull(provider, key);
        if (breaker == null) {
            throw new AssertionError("no breaker " + provider + " " + key);
        }
        return breaker;
    }

    /** The same, or null when the provider has no breaker for {@code key} (calls that count for nothing leave none). */
    protected JsonNode breakerOrNull(String provider, String key) {
        String body = client.get().uri("/actuator/circuitbreakers/{provider}", provider).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        for (JsonNode breaker : json.readTree(body).path("breakers")) {
            if (key.equals(breaker.path("key").asString())) {
                return breaker;
            }
        }
        return null;
    }
}
