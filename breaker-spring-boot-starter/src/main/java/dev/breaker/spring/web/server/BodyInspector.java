package dev.breaker.spring.web.server;

import org.springframework.core.io.buffer.DataBuffer;

import java.nio.ByteBuffer;

/**
 * Looks at the first buffers of a body, in order, until it knows its answer. It only reads: the
 * buffers pass on unchanged (see {@link BodyPeek}). Never throws; one inspector per body.
 */
interface BodyInspector<T> {

    /** Looks at the next buffer without consuming it; true once the answer is known. */
    boolean inspect(DataBuffer buffer);

    /** The answer: called once, after {@link #inspect} said true, the body ended, or enough was read. */
    T answer();

    /** A copy of the buffer's readable bytes; the buffer's read position does not move. */
    static byte[] readableBytes(DataBuffer buffer) {
        int length = buffer.readableByteCount();
        byte[] bytes = new byte[length];
        buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, length);
        return bytes;
    }
}
