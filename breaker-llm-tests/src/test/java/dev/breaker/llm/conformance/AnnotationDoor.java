package dev.breaker.llm.conformance;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Locale;

/** {@code @ProviderBreaker} on the methods of {@link AnnotatedClient}; a subscription is cancelled by disposing of it. */
final class AnnotationDoor implements Door {

    private final Dialect dialect;
    private final AnnotatedClient client;

    AnnotationDoor(Dialect dialect, AnnotatedClient client) {
        this.dialect = dialect;
        this.client = client;
    }

    @Override
    public String provider() {
        return "aop-" + dialect.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Answer call(Call call) {
        try {
            return Answer.of(call.stream() ? stream(call).collectList().block() : single(call).block());
        } catch (RuntimeException e) {
            return Answer.failed(e);
        }
    }

    @Override
    public Runnable start(Call call) {
        return (call.stream() ? stream(call).then() : single(call).then()).subscribe(done -> { }, error -> { })::dispose;
    }

    @Override
    public Answer abandonStream(Call call) {
        try {
            return Answer.of(stream(call).filter(data -> data.contains("Hello")).take(1).collectList().block());
        } catch (RuntimeException e) {
            return Answer.failed(e);
        }
    }

    private Mono<String> single(Call call) {
        String url = call.baseUrl() + dialect.endpoint;
        String body = dialect.requestJson(call.model(), false);
        return dialect == Dialect.ANTHROPIC
                ? client.anthropic(dialect.endpoint, call.model(), url, body, call.timeout())
                : client.openAi(dialect.endpoint, call.model(), url, body, call.timeout());
    }

    private Flux<String> stream(Call call) {
        String url = call.baseUrl() + dialect.endpoint;
        String body = dialect.requestJson(call.model(), true);
        return dialect == Dialect.ANTHROPIC
                ? client.anthropicStream(dialect.endpoint, call.model(), url, body, call.timeout())
                : client.openAiStream(dialect.endpoint, call.model(), url, body, call.timeout());
    }
}
