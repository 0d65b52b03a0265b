package dev.breaker.spring.web.client;

import dev.breaker.core.CallResult;
import dev.breaker.core.classify.ResponseHeaders;
import dev.breaker.spring.web.StreamErrorScanner;

/**
 * Judges a 2xx {@code text/event-stream} by the provider error events in it: an overload that
 * surfaces mid-stream is a failure, however the stream ends. A stream the caller stops reading
 * before any such event is a cancellation (ignored).
 */
final class StreamJudge extends BodyJudge {

    private final StreamErrorScanner scanner;

    StreamJudge(OutboundCall call, int status, ResponseHeaders headers, StreamErrorScanner scanner) {
        super(call, status, headers);
        this.scanner = scanner;
    }

    @Override
    void feed(byte[] bytes, int offset, int length) {
        scanner.feed(bytes, offset, length);
    }

    @Override
    CallResult completed() {
        scanner.finish();
        return scanner.sawFailure() ? call.ofStreamError(status) : call.ofResponse(status, headers);
    }

    @Override
    CallResult failed(Throwable error) {
        return scanner.sawFailure() ? call.ofStreamError(status) : call.ofError(error);
    }

    @Override
    CallResult cancelled() {
        // A caller that stops reading on the error event (as most SSE clients do) still saw an overload.
        return scanner.sawFailure() ? call.ofStreamError(status) : call.ofCancellation();
    }
}
