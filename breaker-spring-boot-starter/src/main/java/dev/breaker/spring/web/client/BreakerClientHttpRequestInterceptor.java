package dev.breaker.spring.web.client;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.registry.UnknownProviderException;
import dev.breaker.spring.BreakerAttributes;
import dev.breaker.spring.outbound.BlockingCall;
import dev.breaker.spring.outbound.GuardedCall;
import dev.breaker.spring.outbound.OutboundGuard;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * Guards {@code RestClient} calls with the breaker of the provider they go to. Every client built
 * from Spring Boot's {@code RestClient.Builder} has it; add it to a hand-built client with
 * {@code RestClient.builder().requestInterceptor(interceptor)}.
 *
 * <ul>
 *   <li>The provider is the {@link BreakerAttributes#PROVIDER} attribute, else the one with the longest
 *       {@code base-url} that the URL starts with; other requests, and those of a disabled provider,
 *       pass untouched. An attribute naming no configured provider fails the call with
 *       {@link UnknownProviderException}, before any connection.</li>
 *   <li>A rejected call throws {@link BreakerOpenException} before any connection is made.</li>
 *   <li>The outcome is reported before the caller sees the response, whatever the caller then makes
 *       of it, as {@link dev.breaker.spring.judge.ResponseJudge} says: a 429 that may be a quota error
 *       by the first bytes of its body, read ahead and handed on unchanged; a 2xx
 *       {@code text/event-stream} by the error events in it, as the caller reads it.</li>
 * </ul>
 */
public final class BreakerClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

    private static final BlockingCall.ResponseReader<ClientHttpResponse> READER = new Reader();

    private final OutboundGuard guard;

    public BreakerClientHttpRequestInterceptor(OutboundGuard guard) {
        this.guard = guard;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        GuardedCall call = guard.start(request.getURI(), request.getAttributes()::get);
        if (call == null) {
            return execution.execute(request, body);
        }
        return BlockingCall.execute(call, READER, () -> execution.execute(request, body));
    }

    private static final class Reader implements BlockingCall.ResponseReader<ClientHttpResponse> {

        @Override
        public int status(ClientHttpResponse response) throws IOException {
            return response.getStatusCode().value();
        }

        @Override
        public String header(ClientHttpResponse response, String name) {
            return response.getHeaders().getFirst(name);
        }

        @Override
        public InputStream body(ClientHttpResponse response) throws IOException {
            return response.getBody();
        }

        @Override
        public ClientHttpResponse withBody(ClientHttpResponse response, InputStream body) {
            return new JudgedClientHttpResponse(response, body);
        }

        @Override
        public void close(ClientHttpResponse response) {
            response.close();
        }
    }
}
