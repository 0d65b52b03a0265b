package dev.breaker.spring.web.server;

import dev.breaker.spring.judge.CallReport;
import dev.breaker.spring.judge.ResponseVerdict;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

/**
 * Shows a body whose bytes decide its outcome (a 2xx event stream) to its verdict as it passes,
 * without holding anything back, and reports how it ended: when its last buffer has gone by, when it
 * fails, or when the client cancels it; written with {@code writeWith} or chunk by chunk with
 * {@code writeAndFlushWith}. Signals may come from several threads, hence the lock.
 */
final class BodyWatch {

    private final ResponseVerdict verdict;
    private final CallReport report;
    private boolean watching;
    private boolean ended;
    private int openChunks;
    private boolean allChunksEmitted;

    BodyWatch(ResponseVerdict verdict, CallReport report) {
        this.verdict = verdict;
        this.report = report;
    }

    Flux<DataBuffer> watch(Publisher<? extends DataBuffer> body) {
        return Flux.<DataBuffer>from(body)
                .doOnSubscribe(subscription -> started())
                .doOnNext(this::see)
                .doOnComplete(this::completed)
                .doOnError(this::failed)
                .doOnCancel(this::cancelled);
    }

    /** The same for a body written chunk by chunk: it ends when its last chunk has been read. */
    Flux<Publisher<DataBuffer>> watchChunks(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return Flux.<Publisher<? extends DataBuffer>>from(body)
                .doOnSubscribe(subscription -> started())
                .<Publisher<DataBuffer>>map(chunk -> {
                    chunkOpened();
                    return Flux.<DataBuffer>from(chunk)
                            .doOnNext(this::see)
                            .doOnComplete(this::chunkClosed)
                            .doOnError(this::failed)
                            .doOnCancel(this::cancelled);
                })
                .doOnComplete(this::allChunksEmitted)
                .doOnError(this::failed)
                .doOnCancel(this::cancelled);
    }

    synchronized boolean isWatching() {
        return watching;
    }

    private synchronized void started() {
        watching = true;
    }

    private synchronized void see(DataBuffer buffer) {
        if (!ended) {
            try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                chunks.forEachRemaining(verdict::feed);
            }
        }
    }

    private synchronized void chunkOpened() {
        openChunks++;
    }

    private synchronized void chunkClosed() {
        if (--openChunks == 0 && allChunksEmitted) {
            completed();
        }
    }

    private synchronized void allChunksEmitted() {
        allChunksEmitted = true;
        if (openChunks == 0) {
            completed();
        }
    }

    private synchronized void completed() {
        if (end()) {
            report.report(verdict.completed());
        }
    }

    private synchronized void failed(Throwable error) {
        if (end()) {
            report.report(verdict.failed(error));
        }
    }

    private synchronized void cancelled() {
        if (end()) {
            report.report(verdict.cancelled());
        }
    }

    private boolean end() {
        boolean first = !ended;
        ended = true;
        return first;
    }
}
