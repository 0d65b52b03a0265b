package dev.breaker.spring.llm;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.config.ProviderSettings;
import dev.breaker.spring.web.client.GuardedCall;
import dev.breaker.spring.web.client.OutboundGuard;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * An OkHttp application interceptor that guards each call with its provider's breaker: Spring AI
 * 2.0's Anthropic and OpenAI models (whose only HTTP seam is an OkHttp interceptor) get it through
 * their {@code HttpClientBuilderCustomizer}s.
 *
 * <p>An OkHttp interceptor cannot fail an asynchronous call with anything but an
 * {@link IOException}, which the SDKs retry; so a refused call is answered here, without any
 * connection, by the response that the provider's breaker would give over HTTP:
 * {@code rejection-status} (503 by default), {@code Retry-After}, {@code x-should-retry: false}
 * (the SDKs then do not retry it), {@code x-breaker-provider} and {@code x-breaker-key}, and a body
 * in the provider's {@code error-format}. The SDK turns it into its own exception for that status
 * ({@code InternalServerException} for 503). {@link BreakerRejections#find(Throwable)} recovers the
 * {@link BreakerOpenException} from it.
 */
public final class BreakerOkHttpInterceptor implements Interceptor {

    private static final String JSON = "json";

    private final OutboundGuard guard;
    private final String provider;

    public BreakerOkHttpInterceptor(OutboundGuard guard) {
        this(guard, null);
    }

    /** Guards every call with the breakers of {@code provider}, whatever the URL. */
    public BreakerOkHttpInterceptor(OutboundGuard guard, String provider) {
        this.guard = guard;
        this.provider = guard.requireProvider(provider);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        URI url = request.url().uri();
        GuardedCall call;
        try {
            call = guard.start(url, provider, () -> modelOf(request.body()), request::header);
        } catch (BreakerOpenException refused) {
            return rejection(request, guard.providerFor(url, refused.provider()), refused);
        }
        if (call == null) {
            return chain.proceed(request);
        }
        long started = System.nanoTime();
        Response response = null;
        try {
            response = chain.proceed(request);
            return judged(call, response);
        } catch (IOException | RuntimeException | Error e) {
            call.fail(callTimedOut(chain, started) ? new TimeoutException("OkHttp call timeout") : e);
            if (response != null) {
                response.close();
            }
            throw e;
        } finally {
            call.abandon();
        }
    }

    private static Response judged(GuardedCall call, Response response) throws IOException {
        call.respond(response.code(), response::header, response.header("Content-Type"));
        ResponseBody body = response.body();
        if (!call.bodyDecides() || body == null) {
            return response;
        }
        InputStream judged = call.body(body.byteStream());
        ResponseBody replacement = ResponseBody.create(Okio.buffer(Okio.source(judged)), body.contentType(),
                body.contentLength());
        return response.newBuilder().body(replacement).build();
    }

    /**
     * OkHttp enforces its call timeout by cancelling the call, so the interceptor sees "Canceled",
     * not a timeout: a call cancelled once its call timeout has run out timed out.
     */
    private static boolean callTimedOut(Chain chain, long started) {
        long timeout = chain.call().timeout().timeoutNanos();
        return chain.call().isCanceled() && timeout > 0 && System.nanoTime() - started >= timeout;
    }

    private static Response rejection(Request request, ProviderSettings settings, BreakerOpenException refused) {
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(BreakerRejection.status(settings))
                .message("Circuit breaker open")
                .header("Retry-After", Long.toString(refused.retryAfterSeconds()))
                .header("x-should-retry", "false")
                .header(BreakerRejection.PROVIDER_HEADER, refused.provider())
                .header(BreakerRejection.KEY_HEADER, refused.key())
                .body(ResponseBody.create(BreakerRejection.body(settings, refused),
                        MediaType.get(BreakerRejection.contentType(settings))))
                .build();
    }

    /** The JSON body's top-level model; a body that can be written only once is not touched. */
    private static String modelOf(RequestBody body) {
        if (body == null || body.isOneShot() || body.isDuplex()) {
            return null;
        }
        MediaType type = body.contentType();
        if (type != null && !type.subtype().contains(JSON)) {
            return null;
        }
        try {
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            return JsonModel.of(buffer.readByteArray());
        } catch (IOException e) {
            return null;
        }
    }
}
