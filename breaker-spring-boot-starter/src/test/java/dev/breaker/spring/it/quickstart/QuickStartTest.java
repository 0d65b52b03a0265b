package dev.breaker.spring.it.quickstart;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start, run as a new user runs it. The YAML block after the
 * {@code quick-start-config} marker is the whole configuration of a real application whose only
 * code is {@link AnthropicProxy}, which the README shows word for word. Its upstream is an
 * Anthropic-shaped WireMock server on loopback that is overloaded: five 529s open the breaker, the
 * sixth request is refused in Anthropic's shape without reaching the upstream, and
 * {@code /actuator/circuitbreakers} shows the open breaker and why.
 */
class QuickStartTest {

    private static final String MESSAGE =
            "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private static final String OVERLOADED =
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

    private static WireMockServer upstream;
    private static ConfigurableApplicationContext application;
    private static WebTestClient client;

    @BeforeAll
    static void startTheQuickStartApplication() throws IOException {
        upstream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        upstream.start();
        upstream.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529)
                .withHeader("Content-Type", "application/json").withBody(OVERLOADED)));

        List<PropertySource<?>> configuration = new YamlPropertySourceLoader()
                .load("README quick start", new ByteArrayResource(Readme.quickStartConfiguration().getBytes(StandardCharsets.UTF_8)));
        application = new SpringApplicationBuilder(QuickStartApplication.class)
                .web(WebApplicationType.REACTIVE)
                .initializers(context -> configuration.forEach(context.getEnvironment().getPropertySources()::addLast))
                .run("--server.port=0", "--anthropic.url=" + upstream.baseUrl());
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port"))
                .build();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
        if (upstream != null) {
            upstream.stop();
        }
    }

    @Test
    void readmeConfigurationTripsAfterFiveFailuresAndTheEndpointShowsWhy() {
        for (int i = 0; i < 5; i++) {
            ask().expectStatus().isEqualTo(529);
        }
        ask().expectStatus().isEqualTo(503)
                .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
                .expectBody()
                .jsonPath("$.type").isEqualTo("error")
                .jsonPath("$.error.type").isEqualTo("overloaded_error");
        assertThat(upstream.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/messages")).build()).getCount())
                .as("the refused request never reached the provider").isEqualTo(5);

        client.get().uri("/actuator/circuitbreakers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.providers.anthropic.breakers[0].key").isEqualTo("/v1/messages")
                .jsonPath("$.providers.anthropic.breakers[0].state").isEqualTo("OPEN")
                .jsonPath("$.providers.anthropic.breakers[0].failures").isEqualTo(5)
                .jsonPath("$.providers.anthropic.breakers[0].rejections").isEqualTo(1)
                .jsonPath("$.providers.anthropic.breakers[0].reason").isEqualTo("failure-count")
                .jsonPath("$.providers.anthropic.breakers[0].lastFailureStatus").isEqualTo(529);
    }

    @Test
    void readmeShowsThisAnthropicProxyWordForWord() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/breaker/spring/it/quickstart/AnthropicProxy.java"));
        String shown = source.substring(source.indexOf("import "));

        assertThat(Readme.text()).contains("```java\n" + shown + "```");
    }

    @Test
    void readmeQuickStartNamesEveryDependencyItUses() {
        String quickStart = Readme.quickStart();

        assertThat(quickStart).contains(
                "<artifactId>breaker-spring-boot-starter</artifactId>",
                "<artifactId>spring-boot-starter-webflux</artifactId>",
                "<artifactId>spring-boot-starter-webclient</artifactId>",
                "<artifactId>spring-boot-starter-actuator</artifactId>");
    }

    private static WebTestClient.ResponseSpec ask() {
        return client.post().uri("/anthropic/v1/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(MESSAGE)
                .exchange();
    }
}
