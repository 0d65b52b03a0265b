package dev.breaker.benchmarks.outage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.breaker.benchmarks.outage.Scenario.Phase;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The upstream, a JDK HTTP server on loopback that behaves as {@link Scenario} says at the moment a
 * request arrives. Each contender calls its own path ({@code /0}, {@code /1}, …) so that requests are
 * counted per contender; the {@code X-Admitted} header says whether the breaker let the call through
 * while closed or as a half-open probe. Handlers never block: every answer, late or not, is
 * written by a scheduler, so a thousand hung requests cost no threads.
 */
final class FlakyUpstream implements AutoCloseable {

    static final String ADMITTED_HEADER = "X-Admitted";
    static final String WARM_UP = "warm-up";

    private static final byte[] OK = "{\"id\":\"msg_1\",\"type\":\"message\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RATE_LIMITED = ("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
            + "\"message\":\"Number of requests has exceeded your rate limit\"}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] OVERLOADED = ("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
            + "\"message\":\"Overloaded\"}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] TIMED_OUT = "{\"error\":\"gateway timeout\"}".getBytes(StandardCharsets.UTF_8);

    private final Scenario scenario;
    private final List<Recorder> recorders;
    private final long startNanos;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService responder = Executors.newScheduledThreadPool(2);

    FlakyUpstream(Scenario scenario, List<Recorder> recorders, long startNanos) throws IOException {
        this.scenario = scenario;
        this.recorders = recorders;
        this.startNanos = startNanos;
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
        long now = System.nanoTime() - startNanos;
        String admitted = exchange.getRequestHeaders().getFirst(ADMITTED_HEADER);
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        if (WARM_UP.equals(admitted)) {
            answer(exchange, 200, OK, scenario.okLatency());
            return;
        }
        Recorder recorder = recorders.get(Integer.parseInt(exchange.getRequestURI().getPath().substring(1)));
        recorder.received(now, "probe".equals(admitted));
        Phase phase = scenario.phaseAt(now);
        switch (phase) {
            case HEALTHY, HEALED -> answer(exchange, 200, OK, scenario.okLatency());
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(scenario.retryAfterSeconds()));
                answer(exchange, 429, RATE_LIMITED, scenario.errorLatency());
            }
            case OVERLOADED -> answer(exchange, 529, OVERLOADED, scenario.errorLatency());
            case TIMEOUTS -> answer(exchange, 504, TIMED_OUT, scenario.hang());
        }
    }

    private void answer(HttpExchange exchange, int status, byte[] body, Duration after) {
        responder.schedule(() -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException callerGaveUp) {
                // the caller timed out and closed the connection: nothing to answer
            } finally {
                exchange.close();
            }
        }, after.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        responder.shutdownNow();
        handlers.shutdownNow();
    }
}
