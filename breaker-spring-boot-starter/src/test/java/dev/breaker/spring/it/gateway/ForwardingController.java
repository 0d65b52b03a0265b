package dev.breaker.spring.it.gateway;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Set;

/**
 * Forwards {@code /<segment>/<path>} to {@code <upstream>/<path>}, streaming the request and
 * response bodies both ways and passing every status and header on, as a gateway does. The client
 * is built by hand, so no outbound breaker applies to it: only the inbound filter is under test.
 */
@RestController
class ForwardingController {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "transfer-encoding", "connection");

    private final WebClient client = WebClient.create();

    @RequestMapping("/{segment}/**")
    Mono<ResponseEntity<Flux<DataBuffer>>> forward(@PathVariable String segment, ServerHttpRequest request) {
        String upstream = Upstreams.baseUrl(segment);
        if (upstream == null) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        String path = request.getPath().pathWithinApplication().value().substring(segment.length() + 1);
        String query = request.getURI().getRawQuery();
        return client.method(request.getMethod())
                .uri(URI.create(upstream + path + (query == null ? "" : "?" + query)))
                .headers(headers -> copy(request.getHeaders(), headers))
                .body(BodyInserters.fromDataBuffers(request.getBody()))
                .retrieve()
                .onStatus(status -> true, response -> Mono.empty())
                .toEntityFlux(DataBuffer.class)
                .map(upstreamResponse -> ResponseEntity.status(upstreamResponse.getStatusCode())
                        .headers(headers -> copy(upstreamResponse.getHeaders(), headers))
                        .body(upstreamResponse.getBody()));
    }

    private static void copy(HttpHeaders from, HttpHeaders to) {
        from.forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                to.addAll(name, values);
            }
        });
    }
}
