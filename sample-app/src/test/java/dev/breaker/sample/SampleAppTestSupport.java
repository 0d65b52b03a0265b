package dev.breaker.sample;

import dev.breaker.core.clock.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The whole sample on a real port, shared by every test class that extends this one (one Spring
 * context). Breakers read a {@link ManualClock}, so tests move time instead of waiting for it, and
 * each test starts with healthy simulated providers and closed breakers.
 *
 * <p>The port is fixed before start-up rather than random because the sample's URLs are built from
 * {@code server.port}: {@code breaker.providers.anthropic-direct.base-url} must name the real port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"sample.gateway-timeout=500ms",
                // Selenium 4.52 ships no DevTools for Chromium 156; WebDriver itself does not need them.
                "logging.level.org.openqa.selenium.devtools=error"})
@AutoConfigureWebTestClient(timeout = "30s")
@Import(ManualClockConfiguration.class)
public abstract class SampleAppTestSupport {

    private static final int PORT = freePort();

    @Autowired
    protected WebTestClient client;

    @Autowired
    protected ManualClock clock;

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    protected Breakers breakers;

    /** Every test starts with healthy providers and closed breakers with empty windows. */
    @BeforeEach
    void healthyProvidersClosedBreakers() {
        client.delete().uri("/sim/control").exchange().expectStatus().isOk();
        breakers = new Breakers(client);
        breakers.resetAll();
    }

    protected static int port() {
        return PORT;
    }

    /** Switches a simulated provider, e.g. {@code simulate("anthropic", "{\"mode\":\"overloaded\"}")}. */
    protected void simulate(String provider, String ruleJson) {
        client.put().uri("/sim/control/{provider}", provider)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ruleJson)
                .exchange()
                .expectStatus().isOk();
    }

    /** How many calls a simulated provider has answered: a call that a breaker rejected never counts. */
    protected long served(String provider) {
        return client.get().uri("/sim/control/served").exchange()
                .expectStatus().isOk()
                .expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody()
                .path(provider).asLong();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
