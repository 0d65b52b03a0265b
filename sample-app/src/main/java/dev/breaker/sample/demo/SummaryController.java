package dev.breaker.sample.demo;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.sample.SampleProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second way to use the starter: a {@code WebClient} built from the auto-configured builder.
 * Its base URL lies under {@code breaker.providers.anthropic-direct.base-url}, so the starter's
 * WebClient filter guards every call; this code only decides what to answer when the breaker
 * refuses one ({@link BreakerOpenException}, thrown before any connection is made).
 *
 * <pre>curl -X POST localhost:8080/demo/summary -H 'content-type: text/plain' -d 'Circuit breakers stop ...'</pre>
 */
@RestController
class SummaryController {

    static final String MODEL = "claude-haiku-4-5";
    private static final String SAMPLE_TEXT = "A circuit breaker stops calls to an upstream that keeps failing, "
            + "and lets a few through again once it may have recovered.";

    private final WebClient anthropic;

    SummaryController(WebClient.Builder builder, SampleProperties properties) {
        this.anthropic = builder.baseUrl(properties.summaryUrl().toString()).build();
    }

    @PostMapping("/demo/summary")
    Mono<ResponseEntity<Map<String, Object>>> summarise(@RequestBody(required = false) String text) {
        String input = text == null || text.isBlank() ? SAMPLE_TEXT : text;
        return anthropic.post()
                .uri("/v1/messages")
                .header("anthropic-version", "2023-06-01")
                .bodyValue(Map.of("model", MODEL, "max_tokens", 256,
                        "messages", List.of(Map.of("role", "user", "content", "Summarise in one line: " + input))))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(message -> ResponseEntity.ok(body(
                        "summary", message.at("/content/0/text").asString(""),
                        "provider", "anthropic-direct")))
                .onErrorResume(BreakerOpenException.class, SummaryController::breakerOpen)
                .onErrorResume(WebClientResponseException.class, SummaryController::upstreamFailed);
    }

    private static Mono<ResponseEntity<Map<String, Object>>> breakerOpen(BreakerOpenException open) {
        return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(open.retryAfterSeconds()))
                .body(body("error", "breaker_open", "message", open.getMessage(),
                        "provider", open.provider(), "key", open.key(),
                        "retryAfterSeconds", open.retryAfterSeconds())));
    }

    private static Mono<ResponseEntity<Map<String, Object>>> upstreamFailed(WebClientResponseException failed) {
        return Mono.just(ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .body(body("error", "upstream_error", "upstreamStatus", failed.getStatusCode().value(),
                        "message", "Anthropic answered " + failed.getStatusCode().value())));
    }

    /** A JSON object whose fields keep the order given. */
    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}
