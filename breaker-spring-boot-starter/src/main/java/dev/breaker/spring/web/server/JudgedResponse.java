package dev.breaker.spring.web.server;

import dev.breaker.core.CallResult;
import dev.breaker.core.Outcome;
import dev.breaker.core.classify.OutcomeClassifier;
import dev.breaker.core.classify.ResponseHeaders;
import dev.breaker.spring.web.QuotaErrorDetector;
import dev.breaker.spring.web.StreamErrorScanner;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
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
    private final StreamJudge stream;
    private volatile boolean judgedByStream;

    JudgedResponse(ServerHttpResponse delegate, CallRecorder recorder, OutcomeClassifier classifier,
                   Set<String> streamFailureTypes, boolean quotaErrors) {
        super(delegate);
        this.recorder = recorder;
        this.classifier = classifier;
        this.quotaErrors = quotaErrors;
        this.stream = new StreamJudge(streamFailureTypes);
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
        MediaType contentType = getHeaders().getContentType();
        int status = status();
        boolean stream = contentType != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType);
        if (stream && status >= 200 && status < 300) {
            judgedByStream = true;
            return true;
        }
        return false;
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

    /**
     * Scans one event stream as it passes and reports how it ended: when its last buffer has gone by,
     * when it fails, or when the client cancels it. A provider error event of a failure type decides.
     */
    private final class StreamJudge {

        private final StreamErrorScanner scanner;
        private boolean watching;
        private boolean ended;
        private int openChunks;
        private boolean allChunksEmitted;

        StreamJudge(Set<String> failureTypes) {
            this.scanner = new StreamErrorScanner(failureTypes);
        }

        Flux<DataBuffer> watch(Publisher<? extends DataBuffer> body) {
            return Flux.<DataBuffer>from(body)
                    .doOnSubscribe(subscription -> started())
                    .doOnNext(this::scan)
                    .doOnComplete(() -> end(false))
                    .doOnError(error -> end(false))
                    .doOnCancel(() -> end(true));
        }

        /** The same for a stream written chunk by chunk: it ends when its last chunk has been read. */
        Flux<Publisher<DataBuffer>> watchChunks(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return Flux.<Publisher<? extends DataBuffer>>from(body)
                    .doOnSubscribe(subscription -> started())
                    .<Publisher<DataBuffer>>map(chunk -> {
                        chunkOpened();
                        return Flux.<DataBuffer>from(chunk)
                                .doOnNext(this::scan)
                                .doOnComplete(this::chunkClosed)
                                .doOnError(error -> end(false))
                                .doOnCancel(() -> end(true));
                    })
                    .doOnComplete(this::allChunksEmitted)
                    .doOnError(error -> end(false))
                    .doOnCancel(() -> end(true));
        }

        synchronized boolean isWatching() {
            return watching;
        }

        private synchronized void started() {
            watching = true;
        }

        private synchronized void scan(DataBuffer buffer) {
            if (!ended) {
                scanner.feed(BodyInspector.readableBytes(buffer));
            }
        }

        private synchronized void chunkOpened() {
            openChunks++;
        }

        private synchronized void chunkClosed() {
            if (--openChunks == 0 && allChunksEmitted) {
                end(false);
            }
        }

        private synchronized void allChunksEmitted() {
            allChunksEmitted = true;
            if (openChunks == 0) {
                end(false);
            }
        }

        private synchronized void end(boolean cancelled) {
            if (ended) {
                return;
            }
            ended = true;
            scanner.finish();
            if (scanner.sawFailure()) {
                recorder.record(classifier.ofStreamError(status()));
            } else if (cancelled) {
                recorder.record(classifier.ofCancellation());
            } else {
                recorder.record(statusOutcome());
            }
        }
    }
}
