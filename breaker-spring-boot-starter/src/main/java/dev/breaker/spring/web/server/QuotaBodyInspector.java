package dev.breaker.spring.web.server;

import dev.breaker.spring.web.QuotaErrorDetector;
import org.springframework.core.io.buffer.DataBuffer;

import java.io.ByteArrayOutputStream;

/**
 * Collects a small error body to tell whether it says a quota or spend cap is exhausted. A body
 * larger than {@link QuotaErrorDetector#MAX_BODY_BYTES} is no quota error; reading stops there.
 */
final class QuotaBodyInspector implements BodyInspector<Boolean> {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean tooLarge;

    @Override
    public boolean inspect(DataBuffer buffer) {
        if (body.size() + buffer.readableByteCount() > QuotaErrorDetector.MAX_BODY_BYTES) {
            tooLarge = true;
            return true;
        }
        body.writeBytes(BodyInspector.readableBytes(buffer));
        return false;
    }

    @Override
    public Boolean answer() {
        return !tooLarge && QuotaErrorDetector.isQuotaError(body.toByteArray());
    }
}
