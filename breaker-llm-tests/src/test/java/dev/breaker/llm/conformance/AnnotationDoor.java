package dev.breaker.llm.conformance;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


/** {@code @ProviderBreaker} on the methods of {@link AnnotatedClient}; a subscription is cancelled by disposing of it. */
final class AnnotationDoor extends DialectDoor {

    private final AnnotatedClient client;

    AnnotationDoor(Dialect dialect, AnnotatedClient client) {
        super("aop", dialect);
        this.client = client;
    }

    @Override
    public Answer call(Call call) {
        return Answer.catching(() -> call.stream() ? stream(call).collectList().block() : single(call).block());
    }

    @Override
    public Runnable start(Call call) {
        return (call.stream() ? stream(call).then() : single(call).then()).subscribe(done -> { }, error -> { })::dispose;
    }

    @Override
    public Answer abandonStream(Call call) {
        return Answer.catching(() -> stream(call).filter(data -> data.contains("Hello")).take(1).collectList().block());
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
