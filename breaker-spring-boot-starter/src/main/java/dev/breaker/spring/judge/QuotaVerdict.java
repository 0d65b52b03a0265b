package dev.breaker.spring.judge;

import dev.breaker.core.CallResult;
import dev.breaker.spring.dialect.QuotaErrorDetector;

import java.io.ByteArrayOutputStream;

/**
 * A 429 judged by its body: a quota or spend-cap error opens the breaker at once, any other body
 * leaves it an ordinary failure. Keeps a copy of at most {@link #PEEK_BYTES}: a longer body is no
 * quota error.
 */
final class QuotaVerdict extends ResponseVerdict {

    /** One byte more than a quota body can have, so that a longer body is known to be longer. */
    static final int PEEK_BYTES = QuotaErrorDetector.MAX_BODY_BYTES + 1;

    private final CallResult byStatus;
    private final CallResult quotaExhausted;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    QuotaVerdict(CallResult byStatus, CallResult quotaExhausted) {
        this.byStatus = byStatus;
        this.quotaExhausted = quotaExhausted;
    }

    @Override
    public CallResult decided() {
        return null;
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        int room = PEEK_BYTES - copy.size();
        if (room > 0) {
            copy.write(bytes, offset, Math.min(room, length));
        }
    }

    @Override
    public int decidingBytes() {
        return PEEK_BYTES;
    }

    @Override
    public CallResult completed() {
        return QuotaErrorDetector.isQuotaError(copy.toByteArray()) ? quotaExhausted : byStatus;
    }

    @Override
    public CallResult failed(Throwable error) {
        return completed();
    }

    @Override
    public CallResult cancelled() {
        return completed();
    }
}
