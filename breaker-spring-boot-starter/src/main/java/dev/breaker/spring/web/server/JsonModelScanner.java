package dev.breaker.spring.web.server;

import dev.breaker.spring.dialect.TopLevelModel;
import org.springframework.core.io.buffer.DataBuffer;

/** Looks for a JSON body's top-level {@code "model"} as its buffers arrive (see {@link TopLevelModel}). */
final class JsonModelScanner implements BodyInspector<String> {

    private final TopLevelModel search;

    JsonModelScanner(long limit) {
        this.search = new TopLevelModel(limit);
    }

    @Override
    public boolean inspect(DataBuffer buffer) {
        try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
            while (chunks.hasNext() && !search.feed(chunks.next())) {
                // keep reading
            }
        }
        return search.isDone();
    }

    @Override
    public String answer() {
        return search.finish();
    }

    /** Whether the search gave up at its limit. */
    boolean limitReached() {
        return search.limitReached();
    }
}
