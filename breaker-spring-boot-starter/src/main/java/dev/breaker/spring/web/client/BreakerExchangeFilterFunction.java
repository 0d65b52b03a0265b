package dev.breaker.spring.web.client;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.registry.UnknownProviderException;
import dev.breaker.spring.BreakerAttributes;
import dev.breaker.spring.outbound.GuardedCall;
import dev.breaker.spring.outbound.OutboundGuard;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Guards {@code WebClient} calls with the breaker of the provider they go to. Every client built
 * from Spring Boot's {@code WebClient.Builder} has it; add it to a hand-built client with
 * {@code WebClient.builder().filter(filter)}.
 *
 * <ul>
 *   <li>The provider is the {@link BreakerAttributes#PROVIDER} attribute, else the one with the longest
 *       {@code base-url} that the URL starts with; other requests, and those of a disabled provider,
 *       pass untouched. An attribute naming no configured provider fails the call with
 *       {@link UnknownProviderException}, before any connection.</li>
 *   <li>A rejected call fails with {@link BreakerOpenException} before any connection is made.</li>
 *   <li>The outcome is reported as soon as the response status and headers arrive, whatever the caller
 *       then makes of them; only a 2xx {@code text/event-stream} and a possible quota-error 429 are judged
 *       by their body, as it passes to the caller unchanged. A cancelled call is ignored.</li>
 * </ul>
 *
 * <p>Each subscription is a call of its own, so a retried request asks the breaker again.
 */
public final class BreakerExchangeFilterFunction implements ExchangeFilterFunction {

    private final OutboundGuard guard;

    public BreakerExchangeFilterFunction(OutboundGuard guard) {
        this.guard = guard;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (!guard.mayGuard(request.url(), name -> request.attributes().get(name))) {
            return next.exchange(request); // no provider: not even a deferred look-up per subscription
        }
        return Mono.defer(() -> {
            GuardedCall call = guard.start(request.url(), name -> request.attributes().get(name));
            if (call == null) {
                return next.exchange(request);
            }
            return next.exchange(request)
                    .map(response -> judged(call, response))
                    .doOnError(call::fail) // before a retry downstream asks again
                    .doFinally(signal -> {
                        if (signal == SignalType.CANCEL) {
                            call.cancel();
                        } else {
                            call.abandon();
                        }
                    });
        });
    }

    private static ClientResponse judged(GuardedCall call, ClientResponse response) {
        HttpHeaders headers = response.headers().asHttpHeaders();
        if (!call.respond(response.statusCode().value(), headers::getFirst, headers.getFirst(HttpHeaders.CONTENT_TYPE))) {
            return response;
        }
        return response.mutate().body(body -> judged(call, body)).build();
    }

    /** The same body, chunk by chunk; the call's verdict sees each chunk as it passes, and it reports when it ends. */
    private static Flux<DataBuffer> judged(GuardedCall call, Flux<DataBuffer> body) {
        return body.doOnNext(buffer -> feed(call, buffer))
                .doOnComplete(call::bodyEnded)
                .doOnError(call::bodyFailed)
                .doOnCancel(call::bodyCancelled)
                .doFinally(signal -> call.abandonBody());
    }

    private static void feed(GuardedCall call, DataBuffer buffer) {
        try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
            chunks.forEachRemaining(call::feed);
        }
    }
}
