package dev.breaker.llm.conformance;

import io.netty.handler.timeout.TimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * A streaming gateway: {@code /in-anthropic/<path>} and {@code /in-openai/<path>} go to
 * {@code <upstream>/<path>}; the answer's status and headers are passed on and its body relayed
 * buffer by buffer with {@code writeAndFlushWith}, as streaming proxies do. The client is built by
 * hand, so only the inbound filter guards these calls.
 *
 * <p>An upstream that gives no answer becomes a status of the gateway's own, as Envoy does it:
 * <b>504</b> when it did not answer within the timeout, <b>503</b> when no connection could be made
 * or the connection broke before an answer. Both are in the default {@code failure-statuses}, so the
 * inbound filter counts them as other doors count timeouts and connection failures.
 *
 * <p>Test plumbing, not part of what is judged: the {@value #UPSTREAM} header names where to forward
 * (so that a row can point the gateway at a closed port) and {@value #UPSTREAM_TIMEOUT} how many
 * milliseconds to wait for the answer. Neither is forwarded.
 */
@RestController
public class Gateway {

    static final String UPSTREAM = "x-test-upstream";
    static final String UPSTREAM_TIMEOUT = "x-test-upstream-timeout";

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "transfer-encoding",
            "connection", UPSTREAM, UPSTREAM_TIMEOUT);

    private final WebClient upstream = WebClient.builder().build();

    @RequestMapping({"/in-anthropic/**", "/in-openai/**"})
    public Mono<Void> forward(ServerHttpRequest request, ServerHttpResponse response) {
        String path = request.getPath().pathWithinApplication().value();
        String below = path.substring(path.indexOf('/', 1));
        Duration timeout = Duration.ofMillis(Long.parseLong(request.getHeaders().getFirst(UPSTREAM_TIMEOUT)));
        return upstream.method(request.getMethod())
                .uri(URI.create(request.getHeaders().getFirst(UPSTREAM) + below))
                .headers(headers -> copy(request.getHeaders(), headers))
                .httpRequest(sent -> sent.<HttpClientRequest>getNativeRequest().responseTimeout(timeout))
                .body(BodyInserters.fromDataBuffers(request.getBody()))
                .exchangeToMono(answer -> relay(answer, response))
                .onErrorResume(WebClientRequestException.class, failure -> noAnswer(failure, response));
    }

    private static Mono<Void> relay(ClientResponse answer, ServerHttpResponse response) {
        response.setStatusCode(answer.statusCode());
        copy(answer.headers().asHttpHeaders(), response.getHeaders());
        return response.writeAndFlushWith(answer.bodyToFlux(DataBuffer.class).map(Mono::just));
    }

    private static Mono<Void> noAnswer(WebClientRequestException failure, ServerHttpResponse response) {
        boolean timedOut = failure.getCause() instanceof TimeoutException;
        response.setStatusCode(timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE);
        return response.setComplete();
    }

    private static void copy(HttpHeaders from, HttpHeaders to) {
        from.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                to.addAll(name, values);
            }
        });
    }
}
