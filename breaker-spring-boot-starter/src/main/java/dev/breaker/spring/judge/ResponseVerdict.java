package dev.breaker.spring.judge;

import dev.breaker.core.CallResult;

import java.nio.ByteBuffer;

/**
 * What a response means for its breaker. Either its status line decides ({@link #decided()} is the
 * outcome), or its body does: then every byte the caller gets is {@linkplain #feed fed} here, in
 * order, and the outcome is asked for once, by how the body ended. The body itself is never changed.
 * Fed by one thread at a time.
 */
public abstract class ResponseVerdict {

    /** The outcome when the status line decides it; null when the body decides. */
    public abstract CallResult decided();

    /** Sees the next bytes of the body. */
    public abstract void feed(byte[] bytes, int offset, int length);

    /** Sees the readable bytes of {@code buffer} without moving its position. */
    public final void feed(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            feed(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            return;
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        feed(copy, 0, copy.length);
    }

    /**
     * How many first bytes of the body decide, when that is known in advance, so that a blocking
     * client may read them ahead; -1 when every byte may matter (a stream).
     */
    public int decidingBytes() {
        return -1;
    }

    /** The outcome of a body that ended normally. */
    public abstract CallResult completed();

    /** The outcome of a body that failed to arrive in full. */
    public abstract CallResult failed(Throwable error);

    /** The outcome of a body that the caller stopped reading. */
    public abstract CallResult cancelled();

    /** The status line decided: the body changes nothing. */
    static ResponseVerdict of(CallResult result) {
        // The verdict on most answers: one instance, not one per call.
        return result == CallResult.SUCCESS ? Decided.SUCCESS : new Decided(result);
    }

    private static final class Decided extends ResponseVerdict {

        static final Decided SUCCESS = new Decided(CallResult.SUCCESS);

        private final CallResult result;

        Decided(CallResult result) {
            this.result = result;
        }

        @Override
        public CallResult decided() {
            return result;
        }

        @Override
        public void feed(byte[] bytes, int offset, int length) {
        }

        @Override
        public CallResult completed() {
            return result;
        }

        @Override
        public CallResult failed(Throwable error) {
            return result;
        }

        @Override
        public CallResult cancelled() {
            return result;
        }
    }
}
