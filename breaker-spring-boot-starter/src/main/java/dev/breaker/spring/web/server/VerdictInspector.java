package dev.breaker.spring.web.server;

import dev.breaker.core.CallResult;
import dev.breaker.spring.judge.ResponseVerdict;
import org.springframework.core.io.buffer.DataBuffer;

/** Shows the first bytes of a body to a verdict that they decide (a 429 that may name an exhausted quota). */
final class VerdictInspector implements BodyInspector<CallResult> {

    private final ResponseVerdict verdict;
    private long seen;

    VerdictInspector(ResponseVerdict verdict) {
        this.verdict = verdict;
    }

    @Override
    public boolean inspect(DataBuffer buffer) {
        try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
            chunks.forEachRemaining(verdict::feed);
        }
        seen += buffer.readableByteCount();
        return seen >= verdict.decidingBytes();
    }

    @Override
    public CallResult answer() {
        return verdict.completed();
    }
}
