package dev.breaker.spring.web.server;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.config.ErrorFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response to a request that a breaker refused: {@code rejection-status}, {@code Retry-After}
 * in whole seconds (at least 1), and a JSON body in the provider's {@code error-format}, whose
 * message names the provider and key and says when to retry.
 */
final class Rejection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Rejection() {
    }

    static Mono<Void> write(ServerHttpResponse response, ErrorFormat format, int status, BreakerOpenException refusal) {
        HttpHeaders headers = response.getHeaders();
        response.setStatusCode(HttpStatusCode.valueOf(status));
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
        headers.setContentType(format == ErrorFormat.PROBLEM ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        byte[] body = JSON.writeValueAsBytes(body(format, status, refusal));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    static ObjectNode body(ErrorFormat format, int status, BreakerOpenException refusal) {
        ObjectNode body = JSON.createObjectNode();
        switch (format) {
            case ANTHROPIC -> {
                body.put("type", "error");
                body.putObject("error").put("type", "overloaded_error").put("message", refusal.getMessage());
            }
            case OPENAI -> body.putObject("error")
                    .put("message", refusal.getMessage())
                    .put("type", "server_error")
                    .putNull("param")
                    .put("code", "circuit_breaker_open");
            case PROBLEM -> body.put("type", "about:blank")
                    .put("title", title(status))
                    .put("status", status)
                    .put("detail", refusal.getMessage())
                    .put("provider", refusal.provider())
                    .put("key", refusal.key())
                    .put("retryAfterSeconds", refusal.retryAfterSeconds());
        }
        return body;
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase();
    }
}
