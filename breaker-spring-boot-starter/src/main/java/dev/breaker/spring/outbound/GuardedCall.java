package dev.breaker.spring.outbound;

import dev.breaker.core.CallResult;
import dev.breaker.core.classify.ResponseHeaders;
import dev.breaker.spring.judge.CallReport;
import dev.breaker.spring.judge.ResponseJudge;
import dev.breaker.spring.judge.ResponseVerdict;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * One admitted outbound call, as a client adapter sees it. It ends in exactly one report: the first
 * of the response's status line (when that decides), the end of its body (when the body decides),
 * an error, a cancellation, or a safety net; every later one does nothing. Call {@link #abandon()}
 * in a {@code finally} block: it gives the permit back for any path that did not report.
 */
public final class GuardedCall {

    private final CallReport report;
    private final ResponseJudge judge;
    private volatile ResponseVerdict verdict;

    GuardedCall(CallReport report, ResponseJudge judge) {
        this.report = report;
        this.judge = judge;
    }

    /**
     * The response's status and headers arrived. Unless its body decides the outcome (a 2xx event
     * stream, a 429 that may name an exhausted quota), the outcome is reported now.
     *
     * @return whether the body decides: then hand it on through {@link #body(InputStream)}, or feed
     *     it with {@link #feed(ByteBuffer)} and end it with {@link #bodyEnded}, {@link #bodyFailed} or
     *     {@link #bodyCancelled}
     */
    public boolean respond(int status, ResponseHeaders headers, String contentType) {
        ResponseVerdict judged = judge.judge(status, headers, contentType, report::firstContent);
        verdict = judged;
        if (judged.decided() != null) {
            report.report(judged.decided());
            return false;
        }
        return true;
    }

    /**
     * Reports a response whose whole body is already at hand (a client that buffers bodies);
     * {@code body} is asked for only when the body decides the outcome.
     */
    public void respond(int status, ResponseHeaders headers, String contentType, Supplier<byte[]> body) {
        if (respond(status, headers, contentType)) {
            byte[] bytes = body.get();
            feed(bytes, 0, bytes.length);
            bodyEnded();
        }
    }

    /**
     * The body to give the caller instead of {@code body}: the same stream when the status decided;
     * for a 429 one that starts with the bytes that decide (up to 64 KB) read ahead now and judged; for an
     * event stream one that shows each byte to the verdict as the caller reads it, and reports when it
     * ends, fails or is closed.
     */
    public InputStream body(InputStream body) throws IOException {
        ResponseVerdict current = verdict;
        if (current == null || current.decided() != null) {
            return body;
        }
        if (report.isReported()) {
            return body;
        }
        int ahead = current.decidingBytes();
        return ahead > 0 ? readAhead(body, ahead) : new JudgingInputStream(body, this);
    }

    /** Sees the next bytes of a body that decides. */
    public void feed(ByteBuffer buffer) {
        ResponseVerdict current = verdict;
        if (current != null && !report.isReported()) {
            current.feed(buffer);
        }
    }

    public void feed(byte[] bytes, int offset, int length) {
        ResponseVerdict current = verdict;
        if (current != null && !report.isReported()) {
            current.feed(bytes, offset, length);
        }
    }

    /** The body that decides ended normally. */
    public void bodyEnded() {
        report.report(verdict.completed());
    }

    /** The body that decides failed to arrive in full. */
    public void bodyFailed(Throwable error) {
        report.report(verdict.failed(error));
    }

    /** The caller stopped reading the body that decides. */
    public void bodyCancelled() {
        report.report(verdict.cancelled());
    }

    /** The call failed: before its response (timeouts and connection failures count), or while its body arrived. */
    public void fail(Throwable error) {
        ResponseVerdict current = verdict;
        report.report(current == null ? judge.ofError(error) : current.failed(error));
    }

    /** The caller went away before the response arrived: ignored. */
    public void cancel() {
        if (verdict == null) {
            report.report(judge.ofCancellation());
        }
    }

    /** Safety net: gives the permit back (as ignored) unless the call reported or its body still decides. */
    public void abandon() {
        if (verdict == null) {
            report.report(CallResult.IGNORED);
        }
    }

    /** Safety net for a body that ended without a verdict (a reader that threw): the call is ignored. */
    public void abandonBody() {
        report.report(CallResult.IGNORED);
    }

    /** Judges the first bytes of the body now, and gives the caller a body that starts with them again. */
    private InputStream readAhead(InputStream body, int ahead) throws IOException {
        byte[] head;
        try {
            head = body.readNBytes(ahead);
        } catch (IOException | RuntimeException e) {
            bodyFailed(e);
            throw e;
        }
        feed(head, 0, head.length);
        bodyEnded();
        InputStream replay = new ByteArrayInputStream(head);
        return head.length < ahead ? replay : new SequenceInputStream(replay, body);
    }
}
