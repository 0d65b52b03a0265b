package dev.breaker.spring.web.client;

import dev.breaker.core.CallResult;
import dev.breaker.core.Outcome;
import dev.breaker.core.Permit;
import dev.breaker.core.classify.OutcomeClassifier;
import dev.breaker.core.classify.ResponseHeaders;
import dev.breaker.spring.web.StreamErrorScanner;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One outbound call that a breaker admitted. Whatever the client, the call ends in exactly one of:
 * a response judged by its status and headers; a response whose body decides (a {@link BodyJudge});
 * an error; a cancellation; or, as a safety net, {@link #abandon()}. The first of these reports the
 * outcome and gives the permit back; every later one does nothing.
 */
final class OutboundCall {

    private static final int TOO_MANY_REQUESTS = 429;

    private final Permit permit;
    private final OutcomeClassifier classifier;
    private final Set<String> streamFailureTypes;
    private final boolean quotaErrors;
    private final AtomicBoolean finished = new AtomicBoolean();

    /** The response arrived: from then on its status, or its body, decides; cancelling it no longer does. */
    private volatile boolean responded;

    OutboundCall(Permit permit, OutcomeClassifier classifier, Set<String> streamFailureTypes, boolean quotaErrors) {
        this.permit = permit;
        this.classifier = classifier;
        this.streamFailureTypes = streamFailureTypes;
        this.quotaErrors = quotaErrors;
    }

    /**
     * Judges a response by its status and headers and reports it, unless its body decides: then
     * returns the judge to feed the body to, and the outcome is reported when the body ends.
     * <ul>
     *   <li>a 2xx {@code text/event-stream}: an error event in it may still make it a failure;</li>
     *   <li>a 429 that may be JSON, when {@code quota-errors} is on: its body may say the quota is exhausted.</li>
     * </ul>
     */
    BodyJudge judge(int status, ResponseHeaders headers, String contentType) {
        Outcome outcome = classifier.outcomeOf(status);
        BodyJudge judge = null;
        if (outcome == Outcome.SUCCESS && status / 100 == 2 && isEventStream(contentType)) {
            judge = new StreamJudge(this, status, headers, new StreamErrorScanner(streamFailureTypes));
        } else if (status == TOO_MANY_REQUESTS && outcome == Outcome.FAILURE
                && quotaErrors && mayBeJson(contentType)) {
            judge = new QuotaJudge(this, status, headers);
        }
        responded = true;
        if (judge == null) {
            finish(classifier.ofResponse(status, headers));
        }
        return judge;
    }

    /** The call failed without a response (or its body failed): timeouts and connection failures count. */
    void onError(Throwable error) {
        finish(ofError(error));
    }

    /** The caller went away before the response arrived. */
    void onCancel() {
        if (!responded) {
            finish(classifier.ofCancellation());
        }
    }

    /** Safety net for any path that ended without reporting: the permit is given back, the call ignored. */
    void abandon() {
        if (!responded) {
            finish(CallResult.IGNORED);
        }
    }

    /** Reports {@code result} and gives the permit back; only the first call does anything. */
    void finish(CallResult result) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            permit.onResult(result);
        } finally {
            permit.release();
        }
    }

    CallResult ofError(Throwable error) {
        if (OutboundFailures.isTimeout(error)) {
            return classifier.ofTimeout();
        }
        if (OutboundFailures.isConnectionFailure(error)) {
            return classifier.ofConnectionFailure();
        }
        return CallResult.IGNORED;
    }

    CallResult ofResponse(int status, ResponseHeaders headers) {
        return classifier.ofResponse(status, headers);
    }

    CallResult ofQuotaError(int status, ResponseHeaders headers) {
        return classifier.ofQuotaError(status, headers);
    }

    CallResult ofStreamError(int status) {
        return classifier.ofStreamError(status);
    }

    CallResult ofCancellation() {
        return classifier.ofCancellation();
    }

    private static boolean isEventStream(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    /** JSON, or unknown: an error body without a content type is worth a look. */
    private static boolean mayBeJson(String contentType) {
        return contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json");
    }
}
