package dev.breaker.sample.gateway;

import dev.breaker.sample.SampleProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Forwards one gateway request to its upstream and streams the answer back unchanged: status,
 * headers (less hop-by-hop ones) and body, so that a 429's {@code retry-after} and an SSE stream's
 * events reach the client, and the starter's inbound filter sees them.
 */
final class Forwarder {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-connection", "host", "content-length", "accept-encoding");

    private final WebClient upstream;
    private final SampleProperties properties;
    private final String provider;
    private final UpstreamErrors errors;

    Forwarder(WebClient upstream, SampleProperties properties, String provider, UpstreamErrors errors) {
        this.upstream = upstream;
        this.properties = properties;
        this.provider = provider;
        this.errors = errors;
    }

    Mono<ServerResponse> forward(ServerRequest request) {
        return upstream.method(request.method())
                .uri(target(request))
                .headers(headers -> copy(request.headers().asHttpHeaders(), headers))
                .body(BodyInserters.fromDataBuffers(request.bodyToFlux(DataBuffer.class)))
                .retrieve()
                // Every status is an answer to pass on, not an exception.
                .onStatus(status -> true, response -> Mono.empty())
                .toEntityFlux(DataBuffer.class)
                .timeout(properties.gatewayTimeout())
                .flatMap(this::relay)
                .onErrorResume(TimeoutException.class, timeout -> failure(504, "The gateway timed out after "
                        + properties.gatewayTimeout().toMillis() + " ms waiting for " + provider + "."))
                .onErrorResume(WebClientRequestException.class, unreachable -> failure(502,
                        "The gateway could not reach " + provider + ": " + unreachable.getMessage()));
    }

    private URI target(ServerRequest request) {
        String below = request.path().substring(provider.length() + 1);
        return UriComponentsBuilder.fromUri(properties.simulatorUrl())
                .path("/" + provider + below)
                .query(request.uri().getRawQuery())
                .build(true)
                .toUri();
    }

    private Mono<ServerResponse> relay(ResponseEntity<Flux<DataBuffer>> answer) {
        Flux<DataBuffer> body = answer.getBody() == null ? Flux.empty() : answer.getBody();
        return ServerResponse.status(answer.getStatusCode())
                .headers(headers -> copy(answer.getHeaders(), headers))
                .body(BodyInserters.fromDataBuffers(body));
    }

    private Mono<ServerResponse> failure(int status, String message) {
        return ServerResponse.status(HttpStatusCode.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(errors.body(status, message));
    }

    private static void copy(HttpHeaders from, HttpHeaders to) {
        from.forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                to.addAll(name, values);
            }
        });
    }
}
