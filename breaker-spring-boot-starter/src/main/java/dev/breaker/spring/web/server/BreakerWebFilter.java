package dev.breaker.spring.web.server;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.Permit;
import dev.breaker.core.classify.OutcomeClassifier;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import dev.breaker.spring.config.BreakerProviders;
import dev.breaker.spring.config.ProviderSettings;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import java.util.HashMap;
import java.util.Map;

/**
 * Guards the application's own endpoints that forward to a provider. A request under a provider's
 * {@code path-prefix} (whole segments) asks the breaker of its key first. Refused, it gets
 * {@code rejection-status}, {@code Retry-After} and a JSON body in the provider's
 * {@code error-format}, and the handler is never called. Admitted, the status the application
 * answers with is its outcome, reported before the response is committed (see {@link JudgedResponse}).
 * Requests under no prefix, or of a disabled provider, pass untouched.
 *
 * <p>The key joins the provider's scopes: the endpoint is the path below the prefix (no query), the
 * tenant comes from {@code tenant-header}, and the model from {@code model-header} or else from the
 * top-level {@code "model"} of a JSON body, read only as far as needed (at most
 * {@link #MAX_MODEL_SEARCH_BYTES}); the handler still receives the identical body.
 */
public final class BreakerWebFilter implements WebFilter, Ordered {

    /** After Spring Security's filter chain (-100), so that refused logins never reach a breaker. */
    public static final int ORDER = 0;

    /** How much of a JSON body is buffered, at most, to find its top-level "model". */
    public static final int MAX_MODEL_SEARCH_BYTES = 1024 * 1024;

    private final BreakerProviders providers;
    private final BreakerRegistry registry;
    private final Map<String, OutcomeClassifier> classifiers = new HashMap<>();

    public BreakerWebFilter(BreakerProviders providers, BreakerRegistry registry) {
        this.providers = providers;
        this.registry = registry;
        for (ProviderSettings provider : providers.all()) {
            classifiers.put(provider.name(), new OutcomeClassifier(provider.breaker(), registry.clock()));
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        BreakerProviders.Match match = providers.forPath(request.getPath().pathWithinApplication().value());
        if (match == null) {
            return chain.filter(exchange);
        }
        ProviderSettings provider = match.provider();
        ProviderBreakers breakers = registry.findProvider(provider.name());
        if (breakers == null) {
            return chain.filter(exchange);
        }
        String tenant = request.getHeaders().getFirst(provider.tenantHeader());
        if (!provider.needsModel() || provider.modelHeader() != null || !mayBeJson(request)) {
            String model = provider.modelHeader() == null ? null : request.getHeaders().getFirst(provider.modelHeader());
            return guard(exchange, chain, provider, breakers, provider.key(match.endpoint(), model, tenant));
        }
        return BodyPeek.peek(request.getBody(), new JsonModelScanner(MAX_MODEL_SEARCH_BYTES), MAX_MODEL_SEARCH_BYTES).flatMap(peeked -> {
            ServerWebExchange replayed = exchange.mutate().request(withBody(request, peeked.body())).build();
            String key = provider.key(match.endpoint(), peeked.answer(), tenant);
            return guard(replayed, chain, provider, breakers, key).doFinally(signal -> peeked.discardIfUnread());
        });
    }

    private Mono<Void> guard(ServerWebExchange exchange, WebFilterChain chain, ProviderSettings provider,
                             ProviderBreakers breakers, String key) {
        Permit permit;
        try {
            permit = breakers.acquire(key);
        } catch (BreakerOpenException refusal) {
            return Rejection.write(exchange.getResponse(), provider.errorFormat(), provider.rejectionStatus(), refusal);
        }
        CallRecorder recorder = new CallRecorder(permit);
        OutcomeClassifier classifier = classifiers.get(provider.name());
        JudgedResponse response = new JudgedResponse(exchange.getResponse(), recorder, classifier,
                provider.streamFailureTypes(), provider.breaker().quotaErrors());
        return Mono.defer(() -> chain.filter(exchange.mutate().response(response).build()))
                .doFinally(signal -> {
                    if (signal == SignalType.CANCEL) {
                        recorder.record(classifier.ofCancellation());
                    } else {
                        // Normally reported already; a response not yet committed is reported when
                        // the error handler or the server commits it.
                        response.handlerDone(signal == SignalType.ON_ERROR);
                    }
                });
    }

    /** Only a body that may be JSON is searched for a model: no content type, or a JSON one. */
    private static boolean mayBeJson(ServerHttpRequest request) {
        MediaType contentType = request.getHeaders().getContentType();
        return contentType == null || MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || (contentType.getSubtype() != null && contentType.getSubtype().endsWith("+json"));
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, Flux<DataBuffer> body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body;
            }
        };
    }

    /** Constant: Spring's filter chain names a checkpoint after this on every request. */
    @Override
    public String toString() {
        return "BreakerWebFilter";
    }
}
