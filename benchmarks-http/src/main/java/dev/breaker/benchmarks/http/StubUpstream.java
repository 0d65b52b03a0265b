package dev.breaker.benchmarks.http;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.nio.charset.StandardCharsets;

/**
 * A fast upstream for the HTTP-path load test: answers every request at once with 200 and a small
 * Anthropic-style message, after reading the request body. Reactor Netty, so that the stub costs
 * as little CPU as possible on a machine it shares with the gateway and the load generator.
 *
 * <p>{@code java dev.breaker.benchmarks.http.StubUpstream <port>}; runs until killed.
 */
public final class StubUpstream {

    private static final byte[] MESSAGE = ("{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\",\"text\":\"pong\"}],"
            + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":8,\"output_tokens\":1}}")
            .getBytes(StandardCharsets.UTF_8);

    private StubUpstream() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((request, response) -> request.receive().then()
                        .then(response.header("Content-Type", "application/json")
                                .header("Content-Length", Integer.toString(MESSAGE.length))
                                .send(Mono.just(Unpooled.wrappedBuffer(MESSAGE)))
                                .then()))
                .bindNow();
        System.out.println("stub upstream listening on 127.0.0.1:" + server.port());
        server.onDispose().block();
    }
}
