package dev.breaker.spring.it.quickstart;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** Forwards POST /anthropic/v1/messages to Anthropic and answers with its status, headers and body, streams included. */
@RestController
class AnthropicProxy {

    private static final List<String> REQUEST_HEADERS = List.of("content-type", "x-api-key", "anthropic-version");
    private static final List<String> RESPONSE_HEADERS = List.of("content-type", "retry-after", "request-id");

    private final WebClient anthropic;

    AnthropicProxy(WebClient.Builder builder, @Value("${anthropic.url:https://api.anthropic.com}") String url) {
        this.anthropic = builder.baseUrl(url).build();
    }

    @PostMapping("/anthropic/v1/messages")
    Mono<ResponseEntity<Flux<DataBuffer>>> messages(@RequestHeader HttpHeaders headers,
                                                    @RequestBody Flux<DataBuffer> body) {
        return anthropic.post().uri("/v1/messages")
                .headers(out -> copy(headers, out, REQUEST_HEADERS))
                .body(body, DataBuffer.class)
                .retrieve()
                .onStatus(status -> true, response -> Mono.empty())   // every status is an answer to relay
                .toEntityFlux(DataBuffer.class)
                .map(answer -> ResponseEntity.status(answer.getStatusCode())
                        .headers(out -> copy(answer.getHeaders(), out, RESPONSE_HEADERS))
                        .body(answer.getBody()));
    }

    private static void copy(HttpHeaders from, HttpHeaders to, List<String> names) {
        names.forEach(name -> to.addAll(name, from.getOrEmpty(name)));
    }
}
