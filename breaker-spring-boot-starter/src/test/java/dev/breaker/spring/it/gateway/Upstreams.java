package dev.breaker.spring.it.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Two real upstreams on loopback, one shaped like Anthropic's API and one like OpenAI's, started
 * once for the whole test run (so that every gateway test shares one Spring context) and stopped
 * when the run ends.
 */
public final class Upstreams implements BeforeAllCallback {

    private static volatile Servers servers;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).computeIfAbsent(Servers.class);
    }

    public static WireMockServer anthropic() {
        return running().anthropic;
    }

    public static WireMockServer openai() {
        return running().openai;
    }

    /** The upstream that the gateway forwards {@code /<segment>/**} to, or null. */
    static String baseUrl(String segment) {
        return switch (segment) {
            case "anthropic", "anthropic-models", "tenants", "paused", "plain" -> anthropic().baseUrl();
            case "openai", "openai-models" -> openai().baseUrl();
            default -> null;
        };
    }

    private static Servers running() {
        Servers running = servers;
        if (running == null) {
            throw new IllegalStateException("add @ExtendWith(Upstreams.class) to start the upstreams");
        }
        return running;
    }

    /** Closed by JUnit when the root context closes, at the end of the run. */
    static final class Servers implements AutoCloseable {

        final WireMockServer anthropic = start();
        final WireMockServer openai = start();

        Servers() {
            servers = this;
        }

        private static WireMockServer start() {
            WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            return server;
        }

        @Override
        public void close() {
            servers = null;
            anthropic.stop();
            openai.stop();
        }
    }
}
