package dev.breaker.spring.judge;

import dev.breaker.core.CallResult;
import dev.breaker.core.Outcome;
import dev.breaker.core.Permit;
import dev.breaker.core.classify.OutcomeClassifier;
import dev.breaker.core.classify.ResponseHeaders;
import dev.breaker.core.clock.BreakerClock;
import dev.breaker.spring.dialect.StreamScanner;
import dev.breaker.spring.provider.ProviderSettings;

import java.util.Locale;
import java.util.Set;

/**
 * How every door judges what an upstream answered, for one provider: the one rule behind "the same
 * upstream answer gives the same outcome whichever door it came through".
 *
 * <ul>
 *   <li>A response's status and headers decide ({@code failure-statuses}, {@code Retry-After} and
 *       the rate-limit reset headers), except where the body must:
 *       <ul>
 *         <li>a 2xx {@code text/event-stream}: an error event of a type in {@code stream-failure-types}
 *             inside it makes it a failure ({@link StreamVerdict});</li>
 *         <li>a 429 that counts as a failure and may be JSON (a JSON type, or none), with
 *             {@code quota-errors} on: a body that says a quota or spend cap is exhausted opens the
 *             breaker at once ({@link QuotaVerdict}).</li>
 *       </ul></li>
 *   <li>An error without an answer: timeouts and connection failures per {@code count-timeouts}
 *       ({@link dev.breaker.core.classify.Failures}); anything else is ignored.</li>
 *   <li>An exception that keeps an answer ({@link #ofException}): that answer, as above.</li>
 *   <li>A cancellation is ignored.</li>
 * </ul>
 */
public final class ResponseJudge {

    private static final int TOO_MANY_REQUESTS = 429;

    private final OutcomeClassifier classifier;
    private final Set<String> streamFailureTypes;
    private final boolean quotaErrors;
    private final BreakerClock clock;

    ResponseJudge(OutcomeClassifier classifier, Set<String> streamFailureTypes, boolean quotaErrors,
                  BreakerClock clock) {
        this.classifier = classifier;
        this.streamFailureTypes = streamFailureTypes;
        this.quotaErrors = quotaErrors;
        this.clock = clock;
    }

    /** The judge of {@code provider}'s calls. */
    public static ResponseJudge of(ProviderSettings provider, BreakerClock clock) {
        return new ResponseJudge(new OutcomeClassifier(provider.breaker(), clock), provider.streamFailureTypes(),
                provider.breaker().quotaErrors(), provider.breaker().judgesSlowCalls() ? clock : null);
    }

    /** The report of a call this judge's provider admitted, timed when the provider judges slow calls. */
    public CallReport report(Permit permit) {
        return new CallReport(permit, clock);
    }

    /** What a response's status line means, and whether its body must be judged too. */
    public ResponseVerdict judge(int status, ResponseHeaders headers, String contentType) {
        return judge(status, headers, contentType, () -> { });
    }

    /**
     * The same, for a call whose stream may still carry its first sign of an answer.
     *
     * @param onFirstContent runs when a stream's first generated content has passed (see {@link CallReport#firstContent()})
     */
    public ResponseVerdict judge(int status, ResponseHeaders headers, String contentType, Runnable onFirstContent) {
        Outcome outcome = classifier.outcomeOf(status);
        if (outcome == Outcome.SUCCESS && status / 100 == 2 && isEventStream(contentType)) {
            return new StreamVerdict(this, status, classifier.ofResponse(status, headers),
                    new StreamScanner(streamFailureTypes, onFirstContent));
        }
        CallResult byStatus = classifier.ofResponse(status, headers);
        if (status == TOO_MANY_REQUESTS && outcome == Outcome.FAILURE && quotaErrors && mayBeJson(contentType)) {
            return new QuotaVerdict(byStatus, classifier.ofQuotaError(status, headers));
        }
        return ResponseVerdict.of(byStatus);
    }

    /** A whole answer at hand (an exception that carries the status and body): judged as {@link #judge} would. */
    public CallResult ofAnswer(int status, ResponseHeaders headers, String contentType, byte[] body) {
        ResponseVerdict verdict = judge(status, headers, contentType);
        if (verdict.decided() != null) {
            return verdict.decided();
        }
        if (body != null) {
            verdict.feed(body, 0, body.length);
        }
        return verdict.completed();
    }

    /** A call that ended without an answer. */
    public CallResult ofError(Throwable error) {
        return classifier.ofError(error);
    }

    /**
     * A call that failed with {@code error}, whatever it carries: a breaker's refusal (of a nested
     * call) is ignored, since it says nothing about the upstream's load; an upstream answer inside it
     * ({@link ErrorAnswers}) is judged as {@link #ofAnswer} judges it, quota bodies and stream error
     * events included; anything else as {@link #ofError}.
     */
    public CallResult ofException(Throwable error) {
        if (Refusals.find(error).isPresent()) {
            return CallResult.IGNORED;
        }
        Answer answer = ErrorAnswers.find(error);
        if (answer != null) {
            return ofAnswer(answer.status(), answer.headers(), answer.contentType(), answer.body());
        }
        return ofError(error);
    }

    public CallResult ofCancellation() {
        return classifier.ofCancellation();
    }

    OutcomeClassifier classifier() {
        return classifier;
    }

    private static boolean isEventStream(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    /** JSON, or unknown: an error body without a content type is worth a look. */
    private static boolean mayBeJson(String contentType) {
        return contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json");
    }
}
