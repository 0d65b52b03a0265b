package dev.breaker.spring.web.server;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.Permit;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import dev.breaker.spring.dialect.Rejection;
import dev.breaker.spring.judge.CallReport;
import dev.breaker.spring.judge.ResponseJudge;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.ProviderSettings;
import org.springframework.core.Ordered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * top-level {@code "model"} of a JSON body wherever it stands in the top-level object, read only as
 * far as needed and never past the provider's {@code model-search-limit}; the handler still receives
 * the identical body. The first request whose body hits the limit without a model is logged, once per
 * provider.
 */
public final class BreakerWebFilter implements WebFilter, Ordered {

    /** After Spring Security's filter chain (-100), so that refused logins never reach a breaker. */
    public static final int ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(BreakerWebFilter.class);

    private final BreakerProviders providers;
    private final BreakerRegistry registry;
    private final Map<String, ResponseJudge> judges = new HashMap<>();
    private final Set<String> modelLimitLogged = ConcurrentHashMap.newKeySet();

    public BreakerWebFilter(BreakerProviders providers, BreakerRegistry registry) {
        this.providers = providers;
        this.registry = registry;
        for (ProviderSettings provider : providers.all()) {
            judges.put(provider.name(), ResponseJudge.of(provider, registry.clock()));
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
        JsonModelScanner scanner = new JsonModelScanner(provider.modelSearchLimit());
        return BodyPeek.peek(request.getBody(), scanner, provider.modelSearchLimit()).flatMap(peeked -> {
            if (scanner.limitReached()) {
                logModelLimitOnce(provider);
            }
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
            return reject(exchange.getResponse(), refusal,
                    Rejection.of(provider.errorFormat(), provider.rejectionStatus(), refusal));
        }
        ResponseJudge judge = judges.get(provider.name());
        CallReport report = judge.report(permit);
        JudgedResponse response = new JudgedResponse(exchange.getResponse(), report, judge);
        Mono<Void> handled;
        try {
            // Called at once, not deferred: WebFlux subscribes to a filter's answer as soon as it has it.
            handled = chain.filter(exchange.mutate().response(response).build());
        } catch (Throwable error) {
            Exceptions.throwIfJvmFatal(error);
            handled = Mono.error(error);
        }
        // Before the end travels on: an error handler may then answer, and the response is judged by that answer.
        return handled.doOnSuccess(done -> response.handlerEnded(false))
                .doOnError(error -> response.handlerEnded(true))
                .doOnCancel(() -> report.report(judge.ofCancellation()));
    }

    /** The same answer the LLM client adapters give a refused call (see {@code BreakerOkHttpInterceptor}). */
    private static Mono<Void> reject(ServerHttpResponse response, BreakerOpenException refusal, Rejection rejection) {
        response.setStatusCode(HttpStatusCode.valueOf(rejection.status()));
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(rejection.retryAfterSeconds()));
        response.getHeaders().set("x-should-retry", "false");
        response.getHeaders().set(Rejection.PROVIDER_HEADER, Rejection.headerValue(refusal.provider()));
        response.getHeaders().set(Rejection.KEY_HEADER, Rejection.headerValue(refusal.key()));
        response.getHeaders().setContentType(MediaType.parseMediaType(rejection.contentType()));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(rejection.body())));
    }

    private void logModelLimitOnce(ProviderSettings provider) {
        if (modelLimitLogged.add(provider.name())) {
            log.warn("A request to provider '{}' had no top-level \"model\" within its first {} bytes "
                    + "(breaker.providers.{}.model-search-limit), so its breaker key uses '{}' for the model. "
                    + "Raise the limit if clients send larger bodies, or set model-header. Logged once.",
                    provider.name(), provider.modelSearchLimit(), provider.name(), ProviderSettings.MISSING);
        }
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
