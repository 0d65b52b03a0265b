package dev.breaker.spring.web.server;

import dev.breaker.core.CallResult;
import dev.breaker.core.classify.OutcomeClassifier;
import dev.breaker.spring.web.StreamErrorScanner;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Watches one 2xx event stream as it passes, without holding anything back, and reports how it
 * ended: when its last buffer has gone by, when it fails, or when the client cancels it. A provider
 * error event of a failure type makes it a failure however it ended; otherwise a cancelled stream is
 * ignored and any other is judged by its status. Signals may come from several threads, hence the lock.
 */
final class StreamJudge {

    private final StreamErrorScanner scanner;
    private final CallRecorder recorder;
    private final OutcomeClassifier classifier;
    private final IntSupplier status;
    private final Supplier<CallResult> statusOutcome;
    private boolean watching;
    private boolean ended;
    private int openChunks;
    private boolean allChunksEmitted;

    StreamJudge(Set<String> failureTypes, CallRecorder recorder, OutcomeClassifier classifier, IntSupplier status,
                Supplier<CallResult> statusOutcome) {
        this.scanner = new StreamErrorScanner(failureTypes);
        this.recorder = recorder;
        this.classifier = classifier;
        this.status = status;
        this.statusOutcome = statusOutcome;
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
            recorder.record(classifier.ofStreamError(status.getAsInt()));
        } else if (cancelled) {
            recorder.record(classifier.ofCancellation());
        } else {
            recorder.record(statusOutcome.get());
        }
    }
}
