package dev.breaker.spring.llm;

import com.anthropic.core.RequestOptions;
import com.anthropic.core.http.Headers;
import com.anthropic.core.http.HttpClient;
import com.anthropic.core.http.HttpRequest;
import com.anthropic.core.http.HttpRequestBody;
import com.anthropic.core.http.HttpResponse;
import com.anthropic.core.http.Interceptor;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.outbound.OutboundGuard;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Guards the calls of an Anthropic Java SDK client: add it with
 * {@code AnthropicOkHttpClient.builder().addInterceptor(interceptor)} (or
 * {@code ClientOptions.Builder.addInterceptor}). It sits below the SDK's retry loop, so every
 * attempt, retries included, asks the breaker; a refused attempt throws {@link BreakerOpenException}
 * (a failed future for the async client) before any connection, and the SDK does not retry it.
 *
 * <p>The provider is the one named here, else the one whose {@code base-url} covers the request's
 * URL. The SDK's {@code AnthropicOkHttpClient.Builder.baseUrl(...)} (and {@code ANTHROPIC_BASE_URL})
 * configure its backend, which applies the URL below the interceptors: an interceptor sees
 * {@code https://api.anthropic.com} then, so a client pointed anywhere else (a gateway, a test
 * server) should name its provider: {@code new AnthropicBreakerInterceptor(guard, "anthropic")}.
 * Written against the SDK's 2.x line (which Spring AI 2.0 uses); its 3.x line is handled too.
 */
public final class AnthropicBreakerInterceptor implements Interceptor {

    static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

    /** {@code HttpRequest.body()} returns the body in 2.x and an {@code Optional} of it in 3.x. */
    private static final Method REQUEST_BODY = requestBody();

    private final SdkCallFlow<HttpRequest, HttpResponse> flow;

    public AnthropicBreakerInterceptor(OutboundGuard guard) {
        this(guard, null);
    }

    /** Guards every call with the breakers of {@code provider}, whatever the URL. */
    public AnthropicBreakerInterceptor(OutboundGuard guard, String provider) {
        this.flow = new SdkCallFlow<>(guard, guard.requireProvider(provider), new AnthropicExchange());
    }

    @Override
    public HttpClient intercept(HttpClient httpClient) {
        return new Guarded(httpClient);
    }

    private final class Guarded implements HttpClient {

        private final HttpClient delegate;

        Guarded(HttpClient delegate) {
            this.delegate = delegate;
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
    }

    private static final class AnthropicExchange implements SdkCallFlow.Exchange<HttpRequest, HttpResponse> {

        @Override
        public URI url(HttpRequest request) {
            return SdkCallFlow.url(request.baseUrl(), DEFAULT_BASE_URL, request.pathSegments());
        }

        @Override
        public byte[] requestBody(HttpRequest request) {
            HttpRequestBody body = bodyOf(request);
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

    private static HttpRequestBody bodyOf(HttpRequest request) {
        try {
            Object body = REQUEST_BODY.invoke(request);
            if (body instanceof Optional<?> optional) {
                body = optional.orElse(null);
            }
            return (HttpRequestBody) body;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static Method requestBody() {
        try {
            return HttpRequest.class.getMethod("body");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Unsupported Anthropic SDK: HttpRequest has no body()", e);
        }
    }
}
