package dev.breaker.sample.sim;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers one simulated provider endpoint as its current {@link SimRule} says: a JSON message or
 * stream when healthy, else the provider's real error status, headers and body.
 */
final class Simulator {

    /** The pause between stream frames, so that a stream is visibly a stream. */
    static final Duration FRAME_INTERVAL = Duration.ofMillis(30);

    private final SimulatorState state;
    private final String provider;
    private final String endpoint;
    private final Dialect dialect;
    private final FirstTokenDelay firstTokenDelay;

    Simulator(SimulatorState state, String provider, String endpoint, Dialect dialect, FirstTokenDelay firstTokenDelay) {
        this.state = state;
        this.provider = provider;
        this.endpoint = endpoint;
        this.dialect = dialect;
        this.firstTokenDelay = firstTokenDelay;
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        state.countCall(provider);
        return request.bodyToMono(JsonNode.class)
                .defaultIfEmpty(JsonNodeFactory.instance.objectNode())
                .flatMap(body -> {
                    String model = body.path("model").asString(dialect.defaultModel());
                    boolean stream = body.path("stream").asBoolean(false);
                    return answer(state.ruleFor(provider, endpoint, model), model, stream);
                });
    }

    private Mono<ServerResponse> answer(SimRule rule, String model, boolean stream) {
        return switch (rule.mode()) {
            case HEALTHY -> ok(model, stream, false);
            case SLUGGISH -> sluggish(model, stream, Duration.ofMillis(rule.delayMillis()));
            case RATE_LIMITED -> error(dialect.rateLimited(model, rule.retryAfterSeconds()));
            case OVERLOADED -> error(dialect.overloaded());
            case UNAVAILABLE -> error(dialect.unavailable());
            case SLOW -> Mono.delay(Duration.ofMillis(rule.delayMillis())).then(ok(model, stream, false));
            case FLAKY -> ThreadLocalRandom.current().nextInt(100) < rule.failurePercent()
                    ? error(dialect.overloaded())
                    : ok(model, stream, false);
            case STREAM_ERROR -> ok(model, stream, true);
        };
    }

    private Mono<ServerResponse> ok(String model, boolean stream, boolean failMidway) {
        String id = newId();
        if (!stream) {
            return ServerResponse.ok().header(dialect.requestIdHeader(), id)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(dialect.message(id, model, text(model)));
        }
        return streamed(id, Flux.fromIterable(dialect.stream(id, model, words(model), failMidway)));
    }

    private Mono<ServerResponse> streamed(String id, Flux<String> frames) {
        Flux<DataBuffer> body = frames.delayElements(FRAME_INTERVAL)
                .map(frame -> DefaultDataBufferFactory.sharedInstance.wrap(frame.getBytes(StandardCharsets.UTF_8)));
        return ServerResponse.ok().header(dialect.requestIdHeader(), id)
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header("cache-control", "no-cache")
                .body(BodyInserters.fromDataBuffers(body));
    }

    private static String text(String model) {
        return "A simulated reply from " + model + ": the provider is healthy, so its breaker stays closed.";
    }

    private static List<String> words(String model) {
        return Arrays.stream(text(model).split("(?<= )")).toList();
    }

    /** 200, with the first token late: a stream's first frames at once, its content after the wait. */
    private Mono<ServerResponse> sluggish(String model, boolean stream, Duration delay) {
        if (!stream) {
            return firstTokenDelay.await(delay).then(ok(model, false, false));
        }
        String id = newId();
        List<String> frames = dialect.stream(id, model, words(model), false);
        int leading = dialect.framesBeforeContent();
        Flux<String> all = Flux.concat(Flux.fromIterable(frames.subList(0, leading)),
                firstTokenDelay.await(delay).thenMany(Flux.fromIterable(frames.subList(leading, frames.size()))));
        return streamed(id, all);
    }

    private Mono<ServerResponse> error(SimReply reply) {
        return ServerResponse.status(HttpStatusCode.valueOf(reply.status()))
                .headers(headers -> reply.headers().forEach(headers::set))
                .header(dialect.requestIdHeader(), newId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(reply.body());
    }

    private String newId() {
        return (provider.equals("anthropic") ? "msg_sim_" : "chatcmpl-sim") + UUID.randomUUID().toString().substring(0, 12);
    }
}
