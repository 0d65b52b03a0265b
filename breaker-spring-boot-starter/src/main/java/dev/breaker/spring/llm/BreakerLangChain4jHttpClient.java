package dev.breaker.spring.llm;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.dialect.TopLevelModel;
import dev.breaker.spring.outbound.BlockingCall;
import dev.breaker.spring.outbound.GuardedCall;
import dev.breaker.spring.outbound.OutboundGuard;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A LangChain4j {@link HttpClient} whose calls go through the breaker, around any other LangChain4j
 * HTTP client. A refused call fails with {@link LangChain4jBreakerOpenException} (LangChain4j does
 * not retry it) before any connection; for a streaming call the listener's {@code onError} gets it.
 *
 * <p>LangChain4j's HTTP clients report a non-2xx response as an {@link HttpException} that keeps the
 * status and the body but drops the headers: such a failure opens the breaker for the provider's
 * {@code open-duration}, not for the response's {@code Retry-After}.
 */
final class BreakerLangChain4jHttpClient implements HttpClient {

    private static final BlockingCall.ResponseReader<SuccessfulHttpResponse> READER = new Reader();

    private final HttpClient delegate;
    private final OutboundGuard guard;
    private final String provider;

    BreakerLangChain4jHttpClient(HttpClient delegate, OutboundGuard guard, String provider) {
        this.delegate = delegate;
        this.guard = guard;
        this.provider = provider;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        GuardedCall call = start(request);
        if (call == null) {
            return delegate.execute(request);
        }
        try {
            return BlockingCall.execute(call, READER, () -> delegate.execute(request),
                    BreakerLangChain4jHttpClient::failed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        GuardedCall call;
        try {
            call = start(request);
        } catch (LangChain4jBreakerOpenException refused) {
            listener.onError(refused);
            return;
        }
        if (call == null) {
            delegate.execute(request, parser, listener);
            return;
        }
        try {
            delegate.execute(request, judging(call, parser), new JudgingListener(call, listener));
        } catch (RuntimeException | Error e) {
            call.fail(e);
            call.abandon();
            throw e;
        }
    }

    private GuardedCall start(HttpRequest request) {
        try {
            return guard.start(URI.create(request.url()), provider, () -> TopLevelModel.of(bytes(request.body())),
                    name -> first(request.headers(), name));
        } catch (BreakerOpenException refused) {
            throw new LangChain4jBreakerOpenException(refused);
        }
    }

    /** Hands the parser the body that the call's judge watches (for an event stream: every byte). */
    private static ServerSentEventParser judging(GuardedCall call, ServerSentEventParser parser) {
        return (body, listener) -> {
            InputStream judged;
            try {
                judged = call.body(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (InputStream closing = judged) {
                parser.parse(closing, listener);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                call.abandon();
            }
        };
    }

    /** Reports the response's status and the errors that end a stream. */
    private static final class JudgingListener implements ServerSentEventListener {

        private final GuardedCall call;
        private final ServerSentEventListener listener;

        JudgingListener(GuardedCall call, ServerSentEventListener listener) {
            this.call = call;
            this.listener = listener;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            call.respond(response.statusCode(), name -> first(response.headers(), name), response.contentType());
            listener.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            listener.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            listener.onEvent(event);
        }

        @Override
        public void onError(Throwable error) {
            failed(call, error);
            call.abandon();
            listener.onError(error);
        }

        @Override
        public void onClose() {
            call.abandon();
            listener.onClose();
        }
    }

    /** LangChain4j turns every non-2xx status into an {@link HttpException}: it is that status's answer. */
    private static void failed(GuardedCall call, Throwable error) {
        if (error instanceof HttpException status) {
            call.respond(status.statusCode(), name -> null, null, () -> bytes(status.getMessage()));
        } else {
            call.fail(error);
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)
                    && header.getValue() != null && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    private static final class Reader implements BlockingCall.ResponseReader<SuccessfulHttpResponse> {

        @Override
        public int status(SuccessfulHttpResponse response) {
            return response.statusCode();
        }

        @Override
        public String header(SuccessfulHttpResponse response, String name) {
            return "Content-Type".equalsIgnoreCase(name) && response.contentType() != null
                    ? response.contentType() : first(response.headers(), name);
        }

        @Override
        public boolean buffersBodies() {
            return true;
        }

        @Override
        public byte[] bufferedBody(SuccessfulHttpResponse response) {
            return response.bodyBytes() == null ? new byte[0] : response.bodyBytes();
        }
    }
}
