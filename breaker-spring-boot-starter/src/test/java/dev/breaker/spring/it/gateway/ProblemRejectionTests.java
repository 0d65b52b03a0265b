package dev.breaker.spring.it.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Providers with the default error format are refused with an RFC 9457 problem. */
@GatewayTest
class ProblemRejectionTests {

    @Autowired
    private WebTestClient client;

    @Test
    void refusesWithAProblemDetailAndTheDefault503() {
        String endpoint = "/v1/problem/messages";
        Stubs.answer(Upstreams.anthropic(), endpoint, 529, Stubs.ANTHROPIC_OVERLOADED);
        for (int i = 0; i < 3; i++) {
            client.post().uri("/anthropic-models" + endpoint).header("X-Model", "claude-sonnet-4-5").bodyValue("{}")
                    .exchange().expectStatus().isEqualTo(529)
                .expectBody();
        }
        client.post().uri("/anthropic-models" + endpoint).header("X-Model", "claude-sonnet-4-5").bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
                        + "\"status\":503,\"detail\":\"Circuit breaker for provider 'anthropic-models' (key "
                        + "'/v1/problem/messages|claude-sonnet-4-5') is open; retry after 30s\",\"provider\":"
                        + "\"anthropic-models\",\"key\":\"/v1/problem/messages|claude-sonnet-4-5\",\"retryAfterSeconds\":30}");
    }

    @Test
    void refusesWithTheConfiguredRejectionStatus() {
        String endpoint = "/v1/problem/tenant";
        Stubs.answer(Upstreams.anthropic(), endpoint, 503, Stubs.ANTHROPIC_OVERLOADED);
        for (int i = 0; i < 3; i++) {
            client.post().uri("/tenants" + endpoint).bodyValue("{}").exchange().expectStatus().isEqualTo(503)
                .expectBody();
        }
        client.post().uri("/tenants" + endpoint).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\","
                        + "\"status\":429,\"detail\":\"Circuit breaker for provider 'tenants' (key '-') is open; "
                        + "retry after 30s\",\"provider\":\"tenants\",\"key\":\"-\",\"retryAfterSeconds\":30}");
    }
}
