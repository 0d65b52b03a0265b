package dev.breaker.spring.web.server;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.config.ErrorFormat;
import dev.breaker.spring.web.RejectionBody;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * The response to a request that a breaker refused: {@code rejection-status}, {@code Retry-After}
 * in whole seconds (at least 1), and a JSON body in the provider's {@code error-format}, whose
 * message names the provider and key and says when to retry.
 */
final class Rejection {

    private Rejection() {
    }

    static Mono<Void> write(ServerHttpResponse response, ErrorFormat format, int status, BreakerOpenException refusal) {
        HttpHeaders headers = response.getHeaders();
        response.setStatusCode(HttpStatusCode.valueOf(status));
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
        headers.setContentType(format == ErrorFormat.PROBLEM ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        byte[] body = RejectionBody.bytes(format, status, refusal);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
