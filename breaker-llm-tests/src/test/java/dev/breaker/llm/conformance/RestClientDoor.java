package dev.breaker.llm.conformance;

import dev.breaker.spring.BreakerAttributes;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A {@code RestClient} built as Spring Boot builds its {@code RestClient.Builder}: every
 * {@code RestClientCustomizer} applied, and the request factory that Boot detects (Reactor Netty
 * here) with the call's read timeout. (Boot configures no {@code RestClient.Builder} in a reactive
 * web application, so the test applies the customizers itself, as Boot's
 * {@code RestClientBuilderConfigurer} does.) The provider and model are request attributes. A
 * blocking call is cancelled by interrupting the thread that waits for it.
 */
final class RestClientDoor extends DialectDoor {

    private final List<RestClientCustomizer> customizers;
    private final ExecutorService callers;
    private final Map<Duration, RestClient> clients = new ConcurrentHashMap<>();

    RestClientDoor(Dialect dialect, List<RestClientCustomizer> customizers, ExecutorService callers) {
        super("rc", dialect);
        this.customizers = customizers;
        this.callers = callers;
    }

    @Override
    public Answer call(Call call) {
        return Answer.catching(() -> send(call));
    }

    @Override
    public Runnable start(Call call) {
        Future<?> waiting = callers.submit(() -> call(call));
        return () -> waiting.cancel(true);
    }

    @Override
    public Answer abandonStream(Call call) {
        // The response is closed when the function returns, with the rest of the stream unread. Spring
        // then drains what is left (to keep the connection), which takes as long as the stream: the
        // caller's own thread does that, and the table goes on once the first content is taken.
        CompletableFuture<Answer> taken = new CompletableFuture<>();
        callers.submit(() -> {
            try {
                request(call).exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        taken.complete(Answer.of(response.getStatusCode()));
                        return null;
                    }
                    BufferedReader lines = new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8));
                    taken.complete(Answer.of(lines.lines().filter(line -> line.contains("Hello")).findFirst().orElse(null)));
                    return null;
                });
            } catch (RuntimeException e) {
                taken.complete(Answer.failed(e));
            }
        });
        return taken.join();
    }

    private String send(Call call) {
        return request(call).retrieve().body(String.class);
    }

    private RestClient.RequestHeadersSpec<?> request(Call call) {
        return client(call.timeout()).post().uri(call.baseUrl() + dialect.endpoint)
                .attribute(BreakerAttributes.PROVIDER, provider())
                .attribute(BreakerAttributes.MODEL, call.model())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(call.stream() ? MediaType.TEXT_EVENT_STREAM : MediaType.APPLICATION_JSON)
                .body(dialect.requestJson(call.model(), call.stream()));
    }

    private RestClient client(Duration timeout) {
        return clients.computeIfAbsent(timeout, readTimeout -> {
            RestClient.Builder builder = RestClient.builder().requestFactory(ClientHttpRequestFactoryBuilder.detect()
                    .build(HttpClientSettings.defaults().withReadTimeout(readTimeout)));
            customizers.forEach(customizer -> customizer.customize(builder));
            return builder.build();
        });
    }
}
