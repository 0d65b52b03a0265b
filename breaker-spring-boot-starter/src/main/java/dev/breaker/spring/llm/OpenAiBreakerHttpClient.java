package dev.breaker.spring.llm;

import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.outbound.OutboundGuard;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An OpenAI Java SDK {@link HttpClient} whose calls go through the breaker; get one from
 * {@link OpenAiBreakers#wrap}. The SDK has no interceptors, so its HTTP client itself is wrapped.
 *
 * It sits below the SDK's retry loop, so every attempt, retries included, asks the breaker; a
 * refused attempt throws {@link BreakerOpenException} (a failed future for the async client) before
 * any connection, and the SDK does not retry it.
 */
final class OpenAiBreakerHttpClient implements HttpClient {

    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private final HttpClient delegate;
    private final SdkCallFlow<HttpRequest, HttpResponse> flow;

    OpenAiBreakerHttpClient(HttpClient delegate, OutboundGuard guard, String provider) {
        this.delegate = delegate;
        this.flow = new SdkCallFlow<>(guard, guard.requireProvider(provider), new OpenAiExchange());
    }

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions options) {
        return flow.execute(request, sent -> delegate.execute(sent, options));
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
        return flow.executeAsync(request, sent -> delegate.executeAsync(sent, options));
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static final class OpenAiExchange implements SdkCallFlow.Exchange<HttpRequest, HttpResponse> {

        @Override
        public URI url(HttpRequest request) {
            return SdkCallFlow.url(request.baseUrl(), DEFAULT_BASE_URL, request.pathSegments());
        }

        @Override
        public byte[] requestBody(HttpRequest request) {
            HttpRequestBody body = request.body();
            return body == null || !body.repeatable() ? null : SdkCallFlow.bytes(body::writeTo);
        }

        @Override
        public String requestHeader(HttpRequest request, String name) {
            return first(request.headers(), name);
        }

        @Override
        public int status(HttpResponse response) {
            return response.statusCode();
        }

        @Override
        public String header(HttpResponse response, String name) {
            return first(response.headers(), name);
        }

        @Override
        public InputStream body(HttpResponse response) {
            return response.body();
        }

        @Override
        public HttpResponse withBody(HttpResponse response, InputStream body) {
            return new HttpResponse() {
                @Override
                public int statusCode() {
                    return response.statusCode();
                }

                @Override
                public Headers headers() {
                    return response.headers();
                }

                @Override
                public InputStream body() {
                    return body;
                }

                @Override
                public void close() {
                    SdkCallFlow.closeBoth(body, response::close);
                }
            };
        }

        @Override
        public void close(HttpResponse response) {
            response.close();
        }

        private static String first(Headers headers, String name) {
            List<String> values = headers.values(name);
            return values.isEmpty() ? null : values.get(0);
        }
    }
}
