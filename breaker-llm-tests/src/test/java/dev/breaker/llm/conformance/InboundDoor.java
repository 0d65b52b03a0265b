package dev.breaker.llm.conformance;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.dialect.Rejection;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;

/**
 * The inbound {@code WebFilter}: a client of the {@link Gateway}, which forwards to the upstream. A
 * refusal is an HTTP answer of the gateway's own: {@code rejection-status}, {@code Retry-After}, the
 * {@code x-breaker-*} headers and a body in the provider's error format.
 */
final class InboundDoor extends DialectDoor {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebClient client;

    InboundDoor(Dialect dialect, int gatewayPort) {
        super("in", dialect);
        this.client = WebClient.builder().baseUrl("http://127.0.0.1:" + gatewayPort).build();
    }

    @Override
    public Answer call(Call call) {
        return answer(request(call).exchangeToMono(response -> response.toEntity(String.class)).block(PATIENCE));
    }

    @Override
    public Runnable start(Call call) {
        return request(call).exchangeToMono(response -> response.toEntity(String.class))
                .subscribe(response -> { }, error -> { })::dispose;
    }

    @Override
    public Answer abandonStream(Call call) {
        return request(call).exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToFlux(String.class).filter(data -> data.contains("Hello")).take(1)
                                .collectList().map(Answer::of)
                        : response.toEntity(String.class).map(InboundDoor::answer))
                .block(PATIENCE);
    }

    private static Answer answer(ResponseEntity<String> response) {
        String provider = response.getHeaders().getFirst(Rejection.PROVIDER_HEADER);
        if (provider == null) {
            return Answer.of(response);
        }
        BreakerOpenException refusal = new BreakerOpenException(Rejection.fromHeaderValue(provider),
                Rejection.fromHeaderValue(response.getHeaders().getFirst(Rejection.KEY_HEADER)),
                Duration.ofSeconds(Long.parseLong(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))));
        return new Answer(refusal, response.getBody(), response);
    }

    /** The status of a refusal, for the table's check of the rejection. */
    static int status(Answer answer) {
        return ((ResponseEntity<?>) answer.detail()).getStatusCode().value();
    }

    private WebClient.RequestHeadersSpec<?> request(Call call) {
        return client.post().uri("/" + provider() + dialect.endpoint)
                .header(Gateway.UPSTREAM, call.baseUrl())
                .header(Gateway.UPSTREAM_TIMEOUT, Long.toString(call.timeout().toMillis()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(dialect.requestJson(call.model(), call.stream()));
    }
}
