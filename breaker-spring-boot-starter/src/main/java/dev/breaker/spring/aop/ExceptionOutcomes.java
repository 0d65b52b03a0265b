package dev.breaker.spring.aop;

import dev.breaker.core.CallResult;
import dev.breaker.core.Permit;
import dev.breaker.core.classify.Failures;
import dev.breaker.spring.judge.CallReport;
import dev.breaker.spring.judge.ResponseJudge;

import java.util.List;

/**
 * What a failed call means for the breaker, judged by its exception and the exception's causes, with
 * the same rules as every other door ({@link ResponseJudge}):
 * <ol>
 *   <li>an exception that carries an upstream's answer (status, headers, and a body where it keeps
 *       one): that answer, as any door judges it, quota bodies included;</li>
 *   <li>a timeout, or a connection failure: per {@code count-timeouts};</li>
 *   <li>anything else (a bug, a validation error, a {@code BreakerOpenException} from a nested
 *       breaker): ignored, since it says nothing about the upstream's load.</li>
 * </ol>
 */
final class ExceptionOutcomes {

    private final List<HttpStatusReader> readers;
    private final ResponseJudge judge;

    ExceptionOutcomes(List<HttpStatusReader> readers, ResponseJudge judge) {
        this.readers = readers;
        this.judge = judge;
    }

    /** The report of a call admitted for this method's provider (timed when it judges slow calls). */
    CallReport report(Permit permit) {
        return judge.report(permit);
    }

    CallResult of(Throwable failure) {
        for (Throwable cause : Failures.causes(Failures.unwrap(failure))) {
            for (HttpStatusReader reader : readers) {
                CallResult result = reader.read(cause, judge);
                if (result != null) {
                    return result;
                }
            }
        }
        return judge.ofError(failure);
    }
}
