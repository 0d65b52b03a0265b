package dev.breaker.spring.web.server;

import dev.breaker.core.CallResult;
import dev.breaker.core.Outcome;
import dev.breaker.core.classify.OutcomeClassifier;
import dev.breaker.core.classify.ResponseHeaders;
import dev.breaker.spring.web.QuotaErrorDetector;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * The response of an admitted request. It reports the outcome before the response is committed,
 * from the status and headers ({@code Retry-After} and the rate-limit reset headers included), so
 * that the very next request already sees a trip; where the status alone cannot tell, it looks at
 * the body as it passes: a 429 whose small body says a quota is exhausted, and a 2xx
 * {@code text/event-stream} that carries a provider error event (judged when the stream ends).
 * The body reaches the client unchanged, and a stream still streams buffer by buffer.
 *
 * <p>Commit callbacks run on the underlying response, so a response that an error handler writes
 * past this decorator is judged by its final status too.
 */
final class JudgedResponse extends ServerHttpResponseDecorator {

    private final CallRecorder recorder;
    private final OutcomeClassifier classifier;
    private final boolean quotaErrors;
    private final Set<String> streamFailureTypes;
    /** Created for a 2xx event stream only, before {@link #judgedByStream} is set, which publishes it. */
    private StreamJudge stream;
    private volatile boolean judgedByStream;

    JudgedResponse(ServerHttpResponse delegate, CallRecorder recorder, OutcomeClassifier classifier,
                   Set<String> streamFailureTypes, boolean quotaErrors) {
        super(delegate);
        this.recorder = recorder;
        this.classifier = classifier;
        this.quotaErrors = quotaErrors;
        this.streamFailureTypes = streamFailureTypes;
        delegate.beforeCommit(() -> {
            if (!judgedByStream) {
                recordStatus();
            }
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        if (isSuccessfulStream()) {
            return super.writeWith(stream.watch(body));
        }
        if (mayBeQuotaError()) {
            return BodyPeek.peek(body, new QuotaBodyInspector(), QuotaErrorDetector.MAX_BODY_BYTES + 1)
                    .flatMap(peeked -> {
                        recorder.record(peeked.answer()
                                ? classifier.ofQuotaError(status(), headers()) : statusOutcome());
                        return getDelegate().writeWith(peeked.body());
                    });
        }
        return super.writeWith(body);
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        if (isSuccessfulStream()) {
            return super.writeAndFlushWith(stream.watchChunks(body));
        }
        return super.writeAndFlushWith(body);
    }

    /**
     * When the handler is done: reports by status if the response went out and nothing reported yet.
     * A stream reports when it ends, which may be later: a server may still be sending it, so it is
     * only judged here if the handler failed before the stream was ever read.
     */
    void handlerDone(boolean failed) {
        if (isCommitted() && (!judgedByStream || (failed && !stream.isWatching()))) {
            recordStatus();
        }
    }

    private void recordStatus() {
        recorder.record(statusOutcome());
    }

    private CallResult statusOutcome() {
        return classifier.ofResponse(status(), headers());
    }

    private boolean isSuccessfulStream() {
        int status = status();
        if (status < 200 || status >= 300) {
            return false;
        }
        MediaType contentType = getHeaders().getContentType();
        if (contentType == null || !MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType)) {
            return false;
        }
        if (stream == null) {
            stream = new StreamJudge(streamFailureTypes, recorder, classifier, this::status, this::statusOutcome);
        }
        judgedByStream = true;
        return true;
    }

    private boolean mayBeQuotaError() {
        int status = status();
        return quotaErrors && status == 429 && classifier.outcomeOf(status) == Outcome.FAILURE;
    }

    private int status() {
        HttpStatusCode status = getStatusCode();
        return status == null ? 200 : status.value();
    }

    private ResponseHeaders headers() {
        return name -> getHeaders().getFirst(name);
    }
}
