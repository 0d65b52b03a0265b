package dev.breaker.spring.outbound;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body that shows every byte it hands to the caller to its call's verdict, and tells the
 * call how the body ended: read to the end, failed, or closed early.
 */
final class JudgingInputStream extends FilterInputStream {

    private final GuardedCall call;

    JudgingInputStream(InputStream body, GuardedCall call) {
        super(body);
        this.call = call;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int read;
        try {
            read = super.read(bytes, offset, length);
        } catch (IOException | RuntimeException e) {
            call.bodyFailed(e);
            throw e;
        }
        if (read == -1) {
            call.bodyEnded();
        } else if (read > 0) {
            call.feed(bytes, offset, read);
        }
        return read;
    }

    @Override
    public long skip(long count) throws IOException {
        // Skipped bytes must still be seen: read them instead.
        byte[] sink = new byte[(int) Math.min(count, 8192)];
        long skipped = 0;
        while (skipped < count) {
            int read = read(sink, 0, (int) Math.min(sink.length, count - skipped));
            if (read == -1) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        try {
            call.bodyCancelled();
        } finally {
            super.close();
        }
    }
}
