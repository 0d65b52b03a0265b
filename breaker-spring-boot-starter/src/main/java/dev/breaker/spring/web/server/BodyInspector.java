package dev.breaker.spring.web.server;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Looks at the first buffers of a body, in order, until it knows its answer. It only reads: the
 * buffers pass on unchanged (see {@link BodyPeek}). Never throws; one inspector per body.
 */
interface BodyInspector<T> {

    /** Looks at the next buffer without consuming it; true once the answer is known. */
    boolean inspect(DataBuffer buffer);

    /** The answer: called once, after {@link #inspect} said true, the body ended, or enough was read. */
    T answer();
}
