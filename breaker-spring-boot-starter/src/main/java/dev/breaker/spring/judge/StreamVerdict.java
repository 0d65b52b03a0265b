package dev.breaker.spring.judge;

import dev.breaker.core.CallResult;
import dev.breaker.spring.dialect.StreamScanner;

/**
 * A 2xx {@code text/event-stream}, judged by the provider error events in it: an overload that
 * surfaces mid-stream is a failure however the stream ends (a caller that stops reading on the
 * error event, as most SSE clients do, still saw it). Otherwise a stream that ends is judged by its
 * status, one that breaks by its error (timeouts and connection failures count), and one the caller
 * stops reading is a cancellation, ignored.
 */
final class StreamVerdict extends ResponseVerdict {

    private final ResponseJudge judge;
    private final int status;
    private final CallResult byStatus;
    private final StreamScanner scanner;

    StreamVerdict(ResponseJudge judge, int status, CallResult byStatus, StreamScanner scanner) {
        this.judge = judge;
        this.status = status;
        this.byStatus = byStatus;
        this.scanner = scanner;
    }

    @Override
    public CallResult decided() {
        return null;
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        scanner.feed(bytes, offset, length);
    }

    @Override
    public CallResult completed() {
        scanner.finish();
        return scanner.sawFailure() ? judge.classifier().ofStreamError(status) : byStatus;
    }

    @Override
    public CallResult failed(Throwable error) {
        return scanner.sawFailure() ? judge.classifier().ofStreamError(status) : judge.ofError(error);
    }

    @Override
    public CallResult cancelled() {
        return scanner.sawFailure() ? judge.classifier().ofStreamError(status) : judge.ofCancellation();
    }
}
