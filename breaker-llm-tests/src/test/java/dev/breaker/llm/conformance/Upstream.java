package dev.breaker.llm.conformance;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A real HTTP server on loopback that answers in one provider's dialect. It counts every request as
 * it arrives, before answering, so that a test can tell that a refused call never reached it, even
 * while earlier requests are still waiting for a delayed answer.
 */
final class Upstream {

    static final Upstream ANTHROPIC = new Upstream(Dialect.ANTHROPIC);
    static final Upstream OPENAI = new Upstream(Dialect.OPENAI);

    /** A loopback port that nothing listens on: connections to it are refused. */
    static final int CLOSED_PORT = closedPort();

    private final Dialect dialect;
    private final AtomicInteger received = new AtomicInteger();
    private final WireMockServer server;

    private Upstream(Dialect dialect) {
        this.dialect = dialect;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                // Delayed answers wait on their own threads, not on the server's request threads.
                .asynchronousResponseEnabled(true)
                .extensions(new Counter(received)));
        server.start();
    }

    static Upstream of(Dialect dialect) {
        return dialect == Dialect.ANTHROPIC ? ANTHROPIC : OPENAI;
    }

    /** The base URL of the server, or of the closed port. */
    String baseUrl(Scenario.Kind kind) {
        return "http://127.0.0.1:" + (kind == Scenario.Kind.REFUSED_CONNECTION ? CLOSED_PORT : server.port());
    }

    String baseUrl() {
        return baseUrl(Scenario.Kind.ANSWER);
    }

    /** From now on, the dialect's endpoint answers so. */
    void answer(ResponseDefinitionBuilder response) {
        server.resetMappings();
        if (response != null) {
            server.stubFor(any(urlPathEqualTo(dialect.endpoint)).willReturn(response));
        }
    }

    /** Requests received so far, counted as they arrive. */
    int received() {
        return received.get();
    }

    WireMockServer server() {
        return server;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts each request before it is matched, so before any delay or fault. */
    private static final class Counter implements ServeEventListener {

        private final AtomicInteger received;

        Counter(AtomicInteger received) {
            this.received = received;
        }

        @Override
        public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
            received.incrementAndGet();
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "request-counter";
        }
    }
}
