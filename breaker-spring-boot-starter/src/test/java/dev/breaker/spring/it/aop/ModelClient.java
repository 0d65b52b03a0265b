package dev.breaker.spring.it.aop;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.ProviderBreaker;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/** Calls a (WireMock) model provider through every shape of method that @ProviderBreaker supports. */
public class ModelClient {

    private final RestClient rest;
    private final WebClient web;
    private final RestClient unreachable;

    public ModelClient(String baseUrl, String unreachableUrl) {
        this.rest = RestClient.create(baseUrl);
        this.web = WebClient.create(baseUrl);
        this.unreachable = RestClient.create(unreachableUrl);
    }

    @ProviderBreaker(value = "llm", key = "#model")
    public String complete(String model) {
        return rest.get().uri("/models/{model}", model).retrieve().body(String.class);
    }

    @ProviderBreaker(value = "llm", key = "#model")
    public Mono<String> completeMono(String model) {
        return web.get().uri("/models/{model}", model).retrieve().bodyToMono(String.class);
    }

    @ProviderBreaker(value = "llm", key = "#model")
    public Flux<String> stream(String model) {
        return web.get().uri("/models/{model}", model).retrieve().bodyToFlux(String.class);
    }

    @ProviderBreaker(value = "llm", key = "#model")
    public CompletableFuture<String> completeAsync(String model) {
        return web.get().uri("/models/{model}", model).retrieve().bodyToMono(String.class).toFuture();
    }

    @ProviderBreaker(value = "llm", key = "#request.tenant() + '|' + #request.model()")
    public String completeFor(ChatRequest request) {
        return rest.get().uri("/models/{model}", request.model()).retrieve().body(String.class);
    }

    @ProviderBreaker("llm")
    public String completeWholeProvider(String model) {
        return rest.get().uri("/models/{model}", model).retrieve().body(String.class);
    }

    @ProviderBreaker(value = "llm", key = "#p0")
    public Mono<String> never(String key) {
        return Mono.never();
    }

    @ProviderBreaker(value = "llm", key = "#key")
    public Mono<String> timesOut(String key) {
        return Mono.error(new TimeoutException("no answer within 10s"));
    }

    @ProviderBreaker(value = "lenient", key = "#key")
    public Mono<String> timesOutLeniently(String key) {
        return Mono.error(new TimeoutException("no answer within 10s"));
    }

    @ProviderBreaker(value = "llm", key = "#key")
    public String unreachable(String key) {
        return unreachable.get().uri("/models/x").retrieve().body(String.class);
    }

    @ProviderBreaker(value = "llm", key = "#key")
    public String rejectsWithStatus(String key, int status) {
        throw new ResponseStatusException(HttpStatus.valueOf(status));
    }

    @ProviderBreaker(value = "llm", key = "#key")
    public String hasABug(String key) {
        throw new IllegalStateException("a bug, not an overload");
    }

    @ProviderBreaker(value = "off", key = "#model")
    public String completeUnguarded(String model) {
        return rest.get().uri("/models/{model}", model).retrieve().body(String.class);
    }

    // ---- fallbacks ------------------------------------------------------------------------------

    @ProviderBreaker(value = "llm", key = "#model", fallbackMethod = "cached")
    public String completeOrCached(String model) {
        return rest.get().uri("/models/{model}", model).retrieve().body(String.class);
    }

    @ProviderBreaker(value = "llm", key = "#model", fallbackMethod = "cachedMono")
    public Mono<String> completeMonoOrCached(String model) {
        return web.get().uri("/models/{model}", model).retrieve().bodyToMono(String.class);
    }

    @ProviderBreaker(value = "llm", key = "#model", fallbackMethod = "cachedAsync")
    public CompletableFuture<String> completeAsyncOrCached(String model) {
        return web.get().uri("/models/{model}", model).retrieve().bodyToMono(String.class).toFuture();
    }

    @ProviderBreaker(value = "llm", key = "#model", fallbackMethod = "onlyWhenOpen")
    public String completeOrCachedWhenOpen(String model) {
        return rest.get().uri("/models/{model}", model).retrieve().body(String.class);
    }

    String cached(String model, BreakerOpenException rejected) {
        return "cached " + model + " (open, retry in " + rejected.retryAfterSeconds() + "s)";
    }

    String cached(String model, Throwable failure) {
        return "cached " + model + " (" + failure.getClass().getSimpleName() + ")";
    }

    Mono<String> cachedMono(String model, BreakerOpenException rejected) {
        return Mono.just("cached " + model + " (open, key " + rejected.key() + ")");
    }

    CompletableFuture<String> cachedAsync(String model, Exception failure) {
        return CompletableFuture.completedFuture("cached " + model + " (" + failure.getClass().getSimpleName() + ")");
    }

    String onlyWhenOpen(String model, BreakerOpenException rejected) {
        return "cached " + model;
    }

    public record ChatRequest(String tenant, String model) {
    }
}
