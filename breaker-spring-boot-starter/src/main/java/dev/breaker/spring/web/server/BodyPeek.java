package dev.breaker.spring.web.server;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.util.context.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the first buffers of a body, one at a time, until a {@link BodyInspector} knows its answer
 * (or {@code maxBytes} are read, or the body ends), and then hands on the identical body:
 * {@link Peeked#body()} replays the buffers read so far and continues the same, single subscription
 * to the source, with the reader's own demand. Nothing is read beyond what the inspector needs.
 *
 * <p>Buffers are released exactly once: by whoever reads the replayed body, or by
 * {@link Peeked#discardIfUnread()} when nobody will (a rejected request), which also cancels the source.
 * Upstream signals are serial; the lock only orders them against the reader attaching and discarding.
 */
final class BodyPeek<T> implements CoreSubscriber<DataBuffer> {

    private final BodyInspector<T> inspector;
    private final int maxBytes;
    private final MonoSink<Peeked<T>> result;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final List<DataBuffer> prefix = new ArrayList<>();
    private int prefixBytes;
    private boolean decided;
    private boolean discarded;
    private Subscription upstream;
    private FluxSink<DataBuffer> reader;
    private boolean upstreamDone;
    private Throwable upstreamError;

    private BodyPeek(BodyInspector<T> inspector, int maxBytes, MonoSink<Peeked<T>> result) {
        this.inspector = inspector;
        this.maxBytes = maxBytes;
        this.result = result;
    }

    /** Subscribes to {@code body} and emits the inspector's answer with the replayable body. */
    static <T> Mono<Peeked<T>> peek(Publisher<? extends DataBuffer> body, BodyInspector<T> inspector, int maxBytes) {
        return Mono.create(sink -> {
            BodyPeek<T> peek = new BodyPeek<>(inspector, maxBytes, sink);
            sink.onCancel(peek::discard);
            body.subscribe(peek);
        });
    }

    @Override
    public Context currentContext() {
        return Context.of(result.contextView());
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        boolean cancel;
        synchronized (this) {
            upstream = subscription;
            cancel = discarded;
        }
        if (cancel) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(DataBuffer buffer) {
        FluxSink<DataBuffer> target;
        boolean peeking;
        synchronized (this) {
            peeking = !decided && !discarded;
            if (peeking) {
                prefix.add(buffer);
                prefixBytes += buffer.readableByteCount();
            }
            target = reader;
        }
        if (peeking) {
            if (inspector.inspect(buffer) || prefixBytes >= maxBytes) {
                decide();
            } else {
                upstream.request(1);
            }
        } else if (target != null) {
            target.next(buffer);
        } else {
            DataBufferUtils.release(buffer);
        }
    }

    @Override
    public void onError(Throwable error) {
        end(error);
    }

    @Override
    public void onComplete() {
        end(null);
    }

    private void end(Throwable error) {
        FluxSink<DataBuffer> target;
        boolean peeking;
        synchronized (this) {
            upstreamDone = true;
            upstreamError = error;
            target = reader;
            peeking = !decided;
        }
        if (peeking) {
            decide();
        } else if (target != null && error != null) {
            target.error(error);
        } else if (target != null) {
            target.complete();
        }
    }

    private void decide() {
        synchronized (this) {
            decided = true;
        }
        result.success(new Peeked<>(inspector.answer(), Flux.defer(this::replay), this::discard));
    }

    private Flux<DataBuffer> replay() {
        if (!claimed.compareAndSet(false, true)) {
            return Flux.error(new IllegalStateException("The body has already been read or discarded"));
        }
        List<DataBuffer> buffers = takePrefix();
        return Flux.concat(Flux.fromIterable(buffers), Flux.create(this::attach))
                .doOnCancel(this::cancelUpstream)
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
    }

    private void attach(FluxSink<DataBuffer> sink) {
        boolean done;
        Throwable error;
        synchronized (this) {
            done = upstreamDone;
            error = upstreamError;
            if (!done) {
                reader = sink;
            }
        }
        if (error != null) {
            sink.error(error);
        } else if (done) {
            sink.complete();
        } else {
            sink.onRequest(upstream::request);
            sink.onCancel(this::cancelUpstream);
        }
    }

    private void discard() {
        if (!claimed.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            discarded = true;
        }
        takePrefix().forEach(DataBufferUtils::release);
        cancelUpstream();
    }

    private synchronized List<DataBuffer> takePrefix() {
        List<DataBuffer> buffers = new ArrayList<>(prefix);
        prefix.clear();
        return buffers;
    }

    private void cancelUpstream() {
        Subscription subscription;
        synchronized (this) {
            subscription = upstreamDone ? null : upstream;
        }
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /**
     * The inspector's answer and the identical body.
     *
     * @param answer what the inspector found
     * @param body the whole body, readable once
     * @param discard releases the buffers read so far and cancels the source, unless the body was read
     */
    record Peeked<T>(T answer, Flux<DataBuffer> body, Runnable discard) {

        void discardIfUnread() {
            discard.run();
        }
    }
}
