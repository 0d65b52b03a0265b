package dev.breaker.llm.conformance;

import dev.breaker.spring.BreakerAttributes;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClientRequest;


/**
 * A {@code WebClient} built from Spring Boot's {@code WebClient.Builder}, with the provider and model
 * as request attributes; {@code retrieve()} turns 4xx and 5xx into exceptions. The timeout is Reactor
 * Netty's response timeout (a {@code Mono.timeout} would cancel the call instead: ignored).
 */
final class WebClientDoor extends DialectDoor {

    private final WebClient client;

    WebClientDoor(Dialect dialect, WebClient.Builder bootBuilder) {
        super("wc", dialect);
        this.client = bootBuilder.build();
    }

    @Override
    public Answer call(Call call) {
        return Answer.catching(() -> request(call).retrieve().bodyToMono(String.class).block());
    }

    @Override
    public Runnable start(Call call) {
        return request(call).retrieve().bodyToMono(String.class).subscribe(body -> { }, error -> { })::dispose;
    }

    @Override
    public Answer abandonStream(Call call) {
        return Answer.catching(() -> request(call).retrieve().bodyToFlux(String.class)
                .filter(data -> data.contains("Hello")).take(1).collectList().block());
    }

    private WebClient.RequestHeadersSpec<?> request(Call call) {
        return client.post().uri(call.baseUrl() + dialect.endpoint)
                .attribute(BreakerAttributes.PROVIDER, provider())
                .attribute(BreakerAttributes.MODEL, call.model())
                .httpRequest(sent -> sent.<HttpClientRequest>getNativeRequest().responseTimeout(call.timeout()))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(call.stream() ? MediaType.TEXT_EVENT_STREAM : MediaType.APPLICATION_JSON)
                .bodyValue(dialect.requestJson(call.model(), call.stream()));
    }
}
