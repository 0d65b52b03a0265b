package dev.breaker.core.classify;

import dev.breaker.core.BreakerConfig;
import dev.breaker.core.CallResult;
import dev.breaker.core.Outcome;
import dev.breaker.core.clock.BreakerClock;

/**
 * Turns what happened to a call into a {@link CallResult}, per {@code failure-statuses} and
 * {@code count-timeouts}:
 * <ul>
 *   <li>a status in {@code failure-statuses}: failure (with the upstream's retry hint);</li>
 *   <li>any other 1xx, 2xx or 3xx: success;</li>
 *   <li>any other status (a 400 or 401 says nothing about overload): ignored;</li>
 *   <li>a timeout or connection failure: failure if {@code count-timeouts}, else ignored;</li>
 *   <li>a cancellation (the caller went away): ignored.</li>
 * </ul>
 */
public final class OutcomeClassifier {

    private final boolean[] failureStatuses = new boolean[600];
    private final boolean countTimeouts;
    private final boolean quotaErrors;
    private final BreakerClock clock;

    public OutcomeClassifier(BreakerConfig config, BreakerClock clock) {
        for (int status : config.failureStatuses()) {
            failureStatuses[status] = true;
        }
        this.countTimeouts = config.countTimeouts();
        this.quotaErrors = config.quotaErrors();
        this.clock = clock;
    }

    public Outcome outcomeOf(int status) {
        if (status >= 0 && status < failureStatuses.length && failureStatuses[status]) {
            return Outcome.FAILURE;
        }
        return status >= 100 && status < 400 ? Outcome.SUCCESS : Outcome.IGNORED;
    }

    /** A response's status and headers. A body is not read here: see {@link #ofQuotaError}. */
    public CallResult ofResponse(int status, ResponseHeaders headers) {
        Outcome outcome = outcomeOf(status);
        if (outcome != Outcome.FAILURE) {
            return CallResult.of(outcome);
        }
        return CallResult.failure(status, RetryAfterParser.parse(status, headers, clock.wallMillis()));
    }

    /** A response whose body said that a quota or spend cap is exhausted. */
    public CallResult ofQuotaError(int status, ResponseHeaders headers) {
        CallResult result = ofResponse(status, headers);
        if (!quotaErrors) {
            return result;
        }
        return CallResult.quotaExhausted(status, result.retryAfter());
    }

    public CallResult ofTimeout() {
        return countTimeouts ? CallResult.FAILURE : CallResult.IGNORED;
    }

    public CallResult ofConnectionFailure() {
        return countTimeouts ? CallResult.FAILURE : CallResult.IGNORED;
    }

    /** A call that failed without an answer: timeouts and connection failures ({@link Failures}) count, others are ignored. */
    public CallResult ofError(Throwable error) {
        if (Failures.isTimeout(error)) {
            return ofTimeout();
        }
        if (Failures.isConnectionFailure(error)) {
            return ofConnectionFailure();
        }
        return CallResult.IGNORED;
    }

    public CallResult ofCancellation() {
        return CallResult.IGNORED;
    }

    /** A streamed response that began well but carried a provider error event of a failure type. */
    public CallResult ofStreamError(int status) {
        return CallResult.failure(status, null);
    }
}
