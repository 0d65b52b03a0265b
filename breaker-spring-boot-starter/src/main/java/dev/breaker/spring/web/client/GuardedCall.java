package dev.breaker.spring.web.client;

import dev.breaker.core.classify.ResponseHeaders;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.function.Supplier;

/**
 * One admitted outbound call, as seen by a client adapter. It ends in exactly one report: the
 * first of {@link #respond} (with its body, when the body decides), {@link #fail}, {@link #cancel}
 * or {@link #abandon}; every later one does nothing. Call {@link #abandon()} in a {@code finally}
 * block: it gives the permit back for any path that did not report.
 */
public final class GuardedCall {

    private final OutboundCall call;
    private BodyJudge judge;

    GuardedCall(OutboundCall call) {
        this.call = call;
    }

    /**
     * The response's status and headers arrived. Unless its body decides the outcome (a 2xx event
     * stream, a 429 that may name an exhausted quota), the outcome is reported now; otherwise hand
     * the body through {@link #body(InputStream)}.
     */
    public void respond(int status, ResponseHeaders headers, String contentType) {
        judge = call.judge(status, headers, contentType);
    }

    /** Whether the body decides the outcome, so that it must be handed on through {@link #body(InputStream)}. */
    public boolean bodyDecides() {
        return judge != null;
    }

    /**
     * The body to give the caller instead of {@code body}: the same stream when the status already
     * decided; for a 429 a stream that starts with the first {@code QuotaErrorDetector.MAX_BODY_BYTES}
     * read ahead now and judged; for an event stream one that judges each byte as the caller reads
     * it, and reports when it ends, fails or is closed.
     */
    public InputStream body(InputStream body) throws IOException {
        BodyJudge current = judge;
        if (current == null) {
            return body;
        }
        return current instanceof QuotaJudge ? readAhead(current, body) : new JudgingInputStream(body, current);
    }

    /**
     * Reports a response whose whole body is already at hand (a client that buffers bodies);
     * {@code body} is asked for only when the body decides the outcome.
     */
    public void respond(int status, ResponseHeaders headers, String contentType, Supplier<byte[]> body) {
        respond(status, headers, contentType);
        BodyJudge current = judge;
        if (current != null) {
            byte[] bytes = body.get();
            current.feed(bytes, 0, bytes.length);
            current.complete();
        }
    }

    /** The call failed before or while its response arrived: timeouts and connection failures count. */
    public void fail(Throwable error) {
        BodyJudge current = judge;
        if (current != null) {
            current.fail(error);
        } else {
            call.onError(error);
        }
    }

    /** The caller went away before the response arrived; ignored. */
    public void cancel() {
        call.onCancel();
    }

    /** Safety net: gives the permit back (as ignored) unless the call reported or its body still decides. */
    public void abandon() {
        call.abandon();
    }

    /** Judges the first bytes of the body now, and gives the caller a body that starts with them again. */
    static InputStream readAhead(BodyJudge judge, InputStream body) throws IOException {
        byte[] head;
        try {
            head = body.readNBytes(QuotaJudge.PEEK_BYTES);
        } catch (IOException | RuntimeException e) {
            judge.fail(e);
            throw e;
        }
        judge.feed(head, 0, head.length);
        judge.complete();
        InputStream replay = new ByteArrayInputStream(head);
        return head.length < QuotaJudge.PEEK_BYTES ? replay : new SequenceInputStream(replay, body);
    }
}
