package dev.breaker.benchmarks.outage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fallback model's upstream in the failover run: healthy throughout, answering 200 after
 * {@code latency}. Like {@link FlakyUpstream} its handlers never block.
 */
final class SteadyUpstream implements AutoCloseable {

    private static final byte[] OK = "{\"id\":\"msg_2\",\"type\":\"message\"}".getBytes(StandardCharsets.UTF_8);

    private final Duration latency;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService responder = Executors.newScheduledThreadPool(2);

    SteadyUpstream(Duration latency) throws IOException {
        this.latency = latency;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /** The URI that contender number {@code index} calls. */
    URI uri(int index) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + index);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        responder.schedule(() -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, OK.length);
                exchange.getResponseBody().write(OK);
            } catch (IOException callerGaveUp) {
                // nothing to answer
            } finally {
                exchange.close();
            }
        }, latency.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        responder.shutdownNow();
        handlers.shutdownNow();
    }
}
