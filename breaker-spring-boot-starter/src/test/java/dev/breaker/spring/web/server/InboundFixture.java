package dev.breaker.spring.web.server;

import dev.breaker.core.Breaker;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.ProviderSettings;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inbound filter in front of small handlers, in process (no server, no Spring context), with a
 * manual clock. Every handler counts its calls, so tests can prove a rejected request never ran.
 * <ul>
 *   <li>{@code POST <prefix>/**}: echoes the body, answering with status {@code ?status=} (200);</li>
 *   <li>{@code GET <prefix>/status/{status}}: that status, with the {@code Reply-*} request headers as
 *       response headers and {@code Reply-Body} as JSON body;</li>
 *   <li>{@code GET <prefix>/throw/{status}}: fails with a {@code ResponseStatusException};</li>
 *   <li>{@code GET <prefix>/crash}: fails with an {@code IllegalStateException};</li>
 *   <li>{@code GET <prefix>/sse?events=a|b}: a 200 event stream of those raw {@code data} lines.</li>
 * </ul>
 */
final class InboundFixture {

    final ManualClock clock = new ManualClock();
    final AtomicInteger handled = new AtomicInteger();
    final BreakerRegistry registry;
    final BreakerWebFilter filter;
    final WebTestClient client;

    InboundFixture(ProviderSettings... providers) {
        BreakerRegistry.Builder builder = BreakerRegistry.builder().clock(clock);
        Arrays.stream(providers).forEach(provider -> builder.provider(provider.name(), provider.breaker()));
        this.registry = builder.build();
        this.filter = new BreakerWebFilter(BreakerProviders.of(List.of(providers)), registry);
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .GET("/{prefix}/status/{status}", this::status)
                .GET("/{prefix}/throw/{status}", request -> {
                    handled.incrementAndGet();
                    return Mono.error(new ResponseStatusException(HttpStatusCode.valueOf(
                            Integer.parseInt(request.pathVariable("status")))));
                })
                .GET("/{prefix}/crash", request -> {
                    handled.incrementAndGet();
                    return Mono.error(new IllegalStateException("handler crashed"));
                })
                .GET("/{prefix}/sse", this::events)
                .POST("/**", this::echo)
                .GET("/**", request -> {
                    handled.incrementAndGet();
                    return ServerResponse.ok().bodyValue("ok");
                })
                .build();
        this.client = WebTestClient.bindToRouterFunction(routes).webFilter(filter).configureClient()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    Breaker breaker(String provider, String key) {
        Breaker breaker = registry.provider(provider).find(key);
        if (breaker == null) {
            throw new AssertionError("no breaker " + provider + "/" + key + "; there are "
                    + registry.provider(provider).breakers().stream().map(b -> b.id().key()).toList());
        }
        return breaker;
    }

    private Mono<ServerResponse> status(ServerRequest request) {
        handled.incrementAndGet();
        ServerResponse.BodyBuilder response = ServerResponse.status(Integer.parseInt(request.pathVariable("status")));
        request.headers().asHttpHeaders().forEach((name, values) -> {
            if (name.regionMatches(true, 0, "Reply-", 0, 6) && !name.equalsIgnoreCase("Reply-Body")) {
                response.header(name.substring(6), values.toArray(String[]::new));
            }
        });
        String body = request.headers().firstHeader("Reply-Body");
        return body == null ? response.build() : response.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private Mono<ServerResponse> echo(ServerRequest request) {
        handled.incrementAndGet();
        int status = Integer.parseInt(request.queryParam("status").orElse("200"));
        return ServerResponse.status(status).body(BodyInserters.fromDataBuffers(request.bodyToFlux(DataBuffer.class)));
    }

    private Mono<ServerResponse> events(ServerRequest request) {
        handled.incrementAndGet();
        Flux<ServerSentEvent<String>> events = Flux.fromArray(request.queryParam("events").orElse("").split("\\|"))
                .map(data -> ServerSentEvent.builder(data).build());
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(BodyInserters.fromServerSentEvents(events));
    }
}
