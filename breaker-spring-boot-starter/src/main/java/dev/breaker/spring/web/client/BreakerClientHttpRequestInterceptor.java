package dev.breaker.spring.web.client;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.UnknownProviderException;
import dev.breaker.spring.BreakerAttributes;
import dev.breaker.spring.config.BreakerProviders;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;

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
 *       of it. A 429 that may be a quota error is judged by the first
 *       {@code QuotaErrorDetector.MAX_BODY_BYTES} of its body, read ahead and handed on unchanged; a
 *       2xx {@code text/event-stream} by the error events in it, as the caller reads it, and when the
 *       caller closes it early before any such event, the call is ignored.</li>
 * </ul>
 */
public final class BreakerClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

    private final OutboundBreakers breakers;

    public BreakerClientHttpRequestInterceptor(BreakerProviders providers, BreakerRegistry registry) {
        this.breakers = new OutboundBreakers(providers, registry);
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        OutboundCall call = breakers.start(request.getURI(), request.getAttributes()::get);
        if (call == null) {
            return execution.execute(request, body);
        }
        ClientHttpResponse response = null;
        try {
            response = execution.execute(request, body);
            return judged(call, response);
        } catch (Throwable error) {
            call.onError(error);
            if (response != null) {
                response.close();
            }
            throw error;
        } finally {
            call.abandon();
        }
    }

    private static ClientHttpResponse judged(OutboundCall call, ClientHttpResponse response) throws IOException {
        HttpHeaders headers = response.getHeaders();
        BodyJudge judge = call.judge(response.getStatusCode().value(), headers::getFirst,
                headers.getFirst(HttpHeaders.CONTENT_TYPE));
        if (judge instanceof QuotaJudge) {
            return new JudgedClientHttpResponse(response, GuardedCall.readAhead(judge, response.getBody()));
        }
        if (judge != null) {
            return new JudgedClientHttpResponse(response, new JudgingInputStream(response.getBody(), judge));
        }
        return response;
    }
}
