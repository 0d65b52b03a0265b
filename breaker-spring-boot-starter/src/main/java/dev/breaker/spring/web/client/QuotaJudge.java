package dev.breaker.spring.web.client;

import dev.breaker.core.CallResult;
import dev.breaker.core.classify.ResponseHeaders;
import dev.breaker.spring.web.QuotaErrorDetector;

import java.io.ByteArrayOutputStream;

/**
 * Judges a 429 by its body: a quota or spend-cap error opens the breaker at once, any other body
 * leaves it an ordinary failure. Keeps a copy of at most {@link QuotaErrorDetector#MAX_BODY_BYTES}
 * plus one byte: a longer body is no quota error.
 */
final class QuotaJudge extends BodyJudge {

    static final int PEEK_BYTES = QuotaErrorDetector.MAX_BODY_BYTES + 1;

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    QuotaJudge(OutboundCall call, int status, ResponseHeaders headers) {
        super(call, status, headers);
    }

    @Override
    void feed(byte[] bytes, int offset, int length) {
        int room = PEEK_BYTES - copy.size();
        if (room > 0) {
            copy.write(bytes, offset, Math.min(room, length));
        }
    }

    @Override
    CallResult completed() {
        return QuotaErrorDetector.isQuotaError(copy.toByteArray())
                ? call.ofQuotaError(status, headers) : call.ofResponse(status, headers);
    }

    @Override
    CallResult failed(Throwable error) {
        return call.ofResponse(status, headers);
    }

    @Override
    CallResult cancelled() {
        return call.ofResponse(status, headers);
    }
}
