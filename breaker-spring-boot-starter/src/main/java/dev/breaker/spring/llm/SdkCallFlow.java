package dev.breaker.spring.llm;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.classify.Failures;
import dev.breaker.spring.dialect.TopLevelModel;
import dev.breaker.spring.outbound.BlockingCall;
import dev.breaker.spring.outbound.GuardedCall;
import dev.breaker.spring.outbound.OutboundGuard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * How an SDK's HTTP call goes through a breaker, for SDKs whose HTTP types differ only in name (the
 * Anthropic and OpenAI Java SDKs are generated from the same template). Each call the SDK sends,
 * every retry included, asks the breaker first: a refused call throws {@link BreakerOpenException}
 * (or completes the future with it) before any connection, and the SDKs do not retry it, because it
 * is not an I/O error.
 *
 * @param <Q> the SDK's request type
 * @param <R> the SDK's response type
 */
final class SdkCallFlow<Q, R> {

    /** Reads the SDK's request and response types. */
    interface Exchange<Q, R> extends BlockingCall.ResponseReader<R> {

        URI url(Q request);

        /** The request's body, serialized, or null when there is none or it can be written only once. */
        byte[] requestBody(Q request);

        String requestHeader(Q request, String name);

        @Override
        int status(R response);

        @Override
        InputStream body(R response);

        @Override
        R withBody(R response, InputStream body);

        @Override
        void close(R response);
    }

    private final OutboundGuard guard;
    private final String provider;
    private final Exchange<Q, R> exchange;

    SdkCallFlow(OutboundGuard guard, String provider, Exchange<Q, R> exchange) {
        this.guard = guard;
        this.provider = provider;
        this.exchange = exchange;
    }

    R execute(Q request, Function<Q, R> send) {
        GuardedCall call = start(request);
        if (call == null) {
            return send.apply(request);
        }
        try {
            return BlockingCall.execute(call, exchange, () -> send.apply(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CompletableFuture<R> executeAsync(Q request, Function<Q, CompletableFuture<R>> send) {
        GuardedCall call;
        try {
            call = start(request);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        if (call == null) {
            return send.apply(request);
        }
        CompletableFuture<R> sent;
        try {
            sent = send.apply(request);
        } catch (RuntimeException | Error e) {
            call.fail(e);
            call.abandon();
            throw e;
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        sent.whenComplete((response, error) -> {
            try {
                if (error != null) {
                    call.fail(unwrap(error));
                    result.completeExceptionally(unwrap(error));
                } else if (result.isDone()) {
                    // The caller cancelled while the response was on its way: nobody will read it.
                    call.cancel();
                    exchange.close(response);
                } else {
                    result.complete(judged(call, response));
                }
            } catch (RuntimeException | Error e) {
                call.fail(e);
                result.completeExceptionally(e);
            } finally {
                call.abandon();
            }
        });
        // Cancelling the caller's future cancels the call; a cancelled call is ignored.
        result.whenComplete((response, error) -> {
            if (result.isCancelled()) {
                sent.cancel(false);
            }
        });
        return result;
    }

    private GuardedCall start(Q request) {
        return guard.start(exchange.url(request), provider, () -> TopLevelModel.of(exchange.requestBody(request)),
                name -> exchange.requestHeader(request, name));
    }

    /** The response handed on, with a body that is judged as it is read when the body decides. */
    private R judged(GuardedCall call, R response) {
        if (!call.respond(exchange.status(response), name -> exchange.header(response, name),
                exchange.header(response, "Content-Type"))) {
            return response;
        }
        try {
            return exchange.withBody(response, call.body(exchange.body(response)));
        } catch (IOException e) {
            exchange.close(response);
            throw new UncheckedIOException(e);
        }
    }

    /** A response whose body is {@code body}: closing it closes the body, then the SDK's response. */
    static void closeBoth(InputStream body, Runnable closeResponse) {
        try {
            body.close();
        } catch (IOException ignored) {
            // The response is closed below, which is all a caller can ask for.
        } finally {
            closeResponse.run();
        }
    }

    /** The bytes that a repeatable request body writes. */
    static byte[] bytes(Writer body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }

    /** An SDK request body's {@code writeTo}. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out);
    }

    /** A URL from the SDK's base URL (or its default) and path segments; the query does not matter here. */
    static URI url(String baseUrl, String defaultBaseUrl, Iterable<String> pathSegments) {
        StringBuilder url = new StringBuilder(baseUrl != null ? baseUrl : defaultBaseUrl);
        for (String segment : pathSegments) {
            if (url.charAt(url.length() - 1) != '/') {
                url.append('/');
            }
            url.append(URLEncoder.encode(segment, StandardCharsets.UTF_8));
        }
        return URI.create(url.toString());
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException ? Failures.unwrap(error) : error;
    }
}
