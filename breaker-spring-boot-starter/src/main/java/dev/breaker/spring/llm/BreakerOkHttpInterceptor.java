package dev.breaker.spring.llm;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.dialect.ErrorFormat;
import dev.breaker.spring.dialect.Rejection;
import dev.breaker.spring.dialect.TopLevelModel;
import dev.breaker.spring.outbound.BlockingCall;
import dev.breaker.spring.outbound.GuardedCall;
import dev.breaker.spring.outbound.OutboundGuard;
import dev.breaker.spring.provider.ProviderSettings;
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
 * (the SDKs then do not retry it), {@code x-breaker-provider} and {@code x-breaker-key} (percent-encoded,
 * so that any key is a legal header value), and a body
 * in the provider's {@code error-format}. The SDK turns it into its own exception for that status
 * ({@code InternalServerException} for 503). {@link BreakerRejections#find(Throwable)} recovers the
 * {@link BreakerOpenException} from it.
 */
public final class BreakerOkHttpInterceptor implements Interceptor {

    private static final String JSON = "json";

    private static final long CALL_TIMEOUT_SLACK_NANOS = 250_000_000L;

    private static final BlockingCall.ResponseReader<Response> READER = new Reader();

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
        // Before anything else: the call timeout has been running since the call started, and reading
        // the body for its model below may take a good part of it.
        long started = System.nanoTime();
        Request request = chain.request();
        GuardedCall call;
        try {
            call = guard.start(request.url().uri(), provider, () -> modelOf(request.body()), request::header);
        } catch (BreakerOpenException refused) {
            return rejection(request, guard.provider(refused.provider()), refused);
        }
        if (call == null) {
            return chain.proceed(request);
        }
        return BlockingCall.execute(call, READER, () -> chain.proceed(request), (guarded, failure) ->
                guarded.fail(callTimedOut(chain, started) ? new TimeoutException("OkHttp call timeout") : failure));
    }

    /**
     * OkHttp enforces its call timeout by cancelling the call, so the interceptor sees "Canceled" or
     * "Socket closed", not a timeout: a call cancelled once its call timeout has run out timed out.
     * The timeout runs from the call's start, a little before this interceptor's (measured with Spring
     * AI's Anthropic model: 7 to 25 ms earlier, more on a busy machine), so the interceptor's own
     * measure gets a slack of a tenth of the timeout, at most {@link #CALL_TIMEOUT_SLACK_NANOS}: a
     * call that its caller cancels within that last stretch counts as timed out too.
     */
    private static boolean callTimedOut(Chain chain, long started) {
        long timeout = chain.call().timeout().timeoutNanos();
        long slack = Math.min(timeout / 10, CALL_TIMEOUT_SLACK_NANOS);
        return chain.call().isCanceled() && timeout > 0 && System.nanoTime() - started >= timeout - slack;
    }

    /** The answer the provider's breaker would give over HTTP, without any connection. */
    private static Response rejection(Request request, ProviderSettings settings, BreakerOpenException refused) {
        Rejection rejection = settings == null ? Rejection.of(ErrorFormat.PROBLEM, 503, refused)
                : Rejection.of(settings.errorFormat(), settings.rejectionStatus(), refused);
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(rejection.status())
                .message("Circuit breaker open")
                .header("Retry-After", Long.toString(rejection.retryAfterSeconds()))
                .header("x-should-retry", "false")
                .header(Rejection.PROVIDER_HEADER, Rejection.headerValue(refused.provider()))
                .header(Rejection.KEY_HEADER, Rejection.headerValue(refused.key()))
                .body(ResponseBody.create(rejection.body(), MediaType.get(rejection.contentType())))
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
            return TopLevelModel.of(buffer.readByteArray());
        } catch (IOException e) {
            return null;
        }
    }

    private static final class Reader implements BlockingCall.ResponseReader<Response> {

        @Override
        public int status(Response response) {
            return response.code();
        }

        @Override
        public String header(Response response, String name) {
            return response.header(name);
        }

        @Override
        public InputStream body(Response response) {
            ResponseBody body = response.body();
            return body == null ? InputStream.nullInputStream() : body.byteStream();
        }

        @Override
        public Response withBody(Response response, InputStream judged) {
            ResponseBody body = response.body();
            MediaType type = body == null ? null : body.contentType();
            long length = body == null ? -1 : body.contentLength();
            return response.newBuilder().body(ResponseBody.create(Okio.buffer(Okio.source(judged)), type, length)).build();
        }

        @Override
        public void close(Response response) {
            response.close();
        }
    }
}
