package dev.breaker.spring.web.client;

import dev.breaker.core.CallResult;
import dev.breaker.core.classify.ResponseHeaders;

import java.nio.ByteBuffer;

/**
 * Judges a response whose body decides its outcome, from the bytes that pass on their way to the
 * caller; the body itself is never changed. Fed in order by one thread at a time; the outcome is
 * reported once, when the body completes, fails or is cancelled.
 */
abstract class BodyJudge {

    final OutboundCall call;
    final int status;
    final ResponseHeaders headers;

    BodyJudge(OutboundCall call, int status, ResponseHeaders headers) {
        this.call = call;
        this.status = status;
        this.headers = headers;
    }

    /** Sees the next bytes of the body. */
    abstract void feed(byte[] bytes, int offset, int length);

    /** The outcome of a body that ended normally. */
    abstract CallResult completed();

    /** The outcome of a body that failed to arrive in full. */
    abstract CallResult failed(Throwable error);

    /** The outcome of a body that the caller stopped reading. */
    abstract CallResult cancelled();

    /** Sees the readable bytes of {@code buffer} without moving its position. */
    final void feed(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            feed(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            return;
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        feed(copy, 0, copy.length);
    }

    final void complete() {
        call.finish(completed());
    }

    final void fail(Throwable error) {
        call.finish(failed(error));
    }

    final void cancel() {
        call.finish(cancelled());
    }

    /** Safety net for a body that ended without a verdict (a judge that threw): the call is ignored. */
    final void abandon() {
        call.finish(CallResult.IGNORED);
    }
}
