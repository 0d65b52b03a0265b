package dev.breaker.llm.conformance;

import dev.breaker.spring.ProviderBreaker;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

import java.time.Duration;

/**
 * The {@code @ProviderBreaker} door: methods that call a provider with a hand-built, unguarded
 * {@code WebClient} whose {@code retrieve()} turns 4xx and 5xx answers into status exceptions. The
 * key is written as every other door builds it, {@code <endpoint>|<model>}. A stream comes back as
 * the {@code Flux} of its events.
 */
public class AnnotatedClient {

    private final WebClient client = WebClient.builder().build();

    @ProviderBreaker(value = "aop-anthropic", key = "#endpoint + '|' + #model")
    public Mono<String> anthropic(String endpoint, String model, String url, String body, Duration timeout) {
        return call(url, body, timeout);
    }

    @ProviderBreaker(value = "aop-anthropic", key = "#endpoint + '|' + #model")
    public Flux<String> anthropicStream(String endpoint, String model, String url, String body, Duration timeout) {
        return stream(url, body, timeout);
    }

    @ProviderBreaker(value = "aop-openai", key = "#endpoint + '|' + #model")
    public Mono<String> openAi(String endpoint, String model, String url, String body, Duration timeout) {
        return call(url, body, timeout);
    }

    @ProviderBreaker(value = "aop-openai", key = "#endpoint + '|' + #model")
    public Flux<String> openAiStream(String endpoint, String model, String url, String body, Duration timeout) {
        return stream(url, body, timeout);
    }

    private Mono<String> call(String url, String body, Duration timeout) {
        return request(url, body, timeout).retrieve().bodyToMono(String.class);
    }

    private Flux<String> stream(String url, String body, Duration timeout) {
        return request(url, body, timeout).accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(String.class);
    }

    private WebClient.RequestHeadersSpec<?> request(String url, String body, Duration timeout) {
        return client.post().uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .httpRequest(sent -> sent.<HttpClientRequest>getNativeRequest().responseTimeout(timeout))
                .bodyValue(body);
    }
}
