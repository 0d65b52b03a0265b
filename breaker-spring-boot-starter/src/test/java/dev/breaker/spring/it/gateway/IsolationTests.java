package dev.breaker.spring.it.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** One failing endpoint, model, tenant or provider does not block the others. */
@GatewayTest
class IsolationTests {

    @Autowired
    private WebTestClient client;

    @Test
    void keepsEndpointsApart() {
        Stubs.answer(Upstreams.anthropic(), "/v1/iso/failing", 529, Stubs.ANTHROPIC_OVERLOADED);
        Stubs.answer(Upstreams.anthropic(), "/v1/iso/healthy", 200, Stubs.OK);
        for (int i = 0; i < 3; i++) {
            send("/anthropic/v1/iso/failing", "{}").expectStatus().isEqualTo(529).expectBody();
        }
        send("/anthropic/v1/iso/failing", "{}").expectStatus().isEqualTo(503).expectBody();
        send("/anthropic/v1/iso/healthy", "{}").expectStatus().isOk().expectBody();
        assertThat(Stubs.calls(Upstreams.anthropic(), "/v1/iso/failing")).isEqualTo(3);
    }

    @Test
    void neverSharesABreakerBetweenProvidersWithTheSameEndpoint() {
        String endpoint = "/v1/iso/shared-endpoint";
        Stubs.answer(Upstreams.anthropic(), endpoint, 529, Stubs.ANTHROPIC_OVERLOADED);
        Stubs.answer(Upstreams.openai(), endpoint, 200, Stubs.OK);
        for (int i = 0; i < 3; i++) {
            send("/anthropic" + endpoint, "{}").expectStatus().isEqualTo(529).expectBody();
        }
        send("/anthropic" + endpoint, "{}").expectStatus().isEqualTo(503).expectBody();
        send("/openai" + endpoint, "{}").expectStatus().isOk().expectBody();
    }

    @Test
    void keepsModelsNamedInTheJsonBodyApart() {
        WireMockServer upstream = Upstreams.openai();
        String endpoint = "/v1/iso/chat/completions";
        upstream.stubFor(post(urlPathEqualTo(endpoint))
                .withRequestBody(containing("\"gpt-4o\""))
                .willReturn(aResponse().withStatus(503)
                        .withBody(Stubs.OPENAI_UNAVAILABLE)));
        upstream.stubFor(post(urlPathEqualTo(endpoint))
                .withRequestBody(containing("\"gpt-4o-mini\""))
                .willReturn(okJson(Stubs.OK)));
        String big = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        String mini = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"gpt-4o-mini\"}";
        for (int i = 0; i < 3; i++) {
            send("/openai-models" + endpoint, big).expectStatus().isEqualTo(503).expectBody();
        }
        send("/openai-models" + endpoint, big).expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.code").isEqualTo("circuit_breaker_open")
                .jsonPath("$.error.message").value(message -> assertThat((String) message).contains("(key 'gpt-4o')"));
        send("/openai-models" + endpoint, mini).expectStatus().isOk().expectBody();
        assertThat(Stubs.calls(upstream, endpoint)).isEqualTo(4);
    }

    @Test
    void keepsModelsNamedInTheModelHeaderApart() {
        String endpoint = "/v1/iso/messages";
        Stubs.answer(Upstreams.anthropic(), endpoint, 529, Stubs.ANTHROPIC_OVERLOADED);
        for (int i = 0; i < 3; i++) {
            client.post().uri("/anthropic-models" + endpoint).header("X-Model", "claude-opus-4-1").bodyValue("{}")
                    .exchange().expectStatus().isEqualTo(529)
                .expectBody();
        }
        client.post().uri("/anthropic-models" + endpoint).header("X-Model", "claude-opus-4-1").bodyValue("{}")
                .exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.key").isEqualTo(endpoint + "|claude-opus-4-1");
        client.post().uri("/anthropic-models" + endpoint).header("X-Model", "claude-haiku-4-5").bodyValue("{}")
                .exchange().expectStatus().isEqualTo(529)
                .expectBody();
        assertThat(Stubs.calls(Upstreams.anthropic(), endpoint)).isEqualTo(4);
    }

    @Test
    void keepsTenantsApart() {
        String endpoint = "/v1/iso/tenants";
        Stubs.answer(Upstreams.anthropic(), endpoint, 529, Stubs.ANTHROPIC_OVERLOADED);
        for (int i = 0; i < 3; i++) {
            client.post().uri("/tenants" + endpoint).header("X-Tenant-Id", "acme").bodyValue("{}")
                    .exchange().expectStatus().isEqualTo(529)
                .expectBody();
        }
        client.post().uri("/tenants" + endpoint).header("X-Tenant-Id", "acme").bodyValue("{}")
                .exchange().expectStatus().isEqualTo(429)
                .expectBody();
        client.post().uri("/tenants" + endpoint).header("X-Tenant-Id", "globex").bodyValue("{}")
                .exchange().expectStatus().isEqualTo(529)
                .expectBody();
        assertThat(Stubs.calls(Upstreams.anthropic(), endpoint)).isEqualTo(4);
    }

    @Test
    void passesRequestsUnderNoPrefixOrOfADisabledProviderUntouched() {
        Stubs.answer(Upstreams.anthropic(), "/v1/iso/untouched", 529, Stubs.ANTHROPIC_OVERLOADED);
        for (int i = 0; i < 5; i++) {
            send("/plain/v1/iso/untouched", "{}").expectStatus().isEqualTo(529).expectBody();
            send("/paused/v1/iso/untouched", "{}").expectStatus().isEqualTo(529).expectBody();
        }
        assertThat(Stubs.calls(Upstreams.anthropic(), "/v1/iso/untouched")).isEqualTo(10);
    }

    private WebTestClient.ResponseSpec send(String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
