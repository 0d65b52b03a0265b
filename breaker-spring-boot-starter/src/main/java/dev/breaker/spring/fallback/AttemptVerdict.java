package dev.breaker.spring.fallback;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.CallResult;
import dev.breaker.core.Outcome;
import dev.breaker.spring.judge.Refusals;

import java.util.Optional;

/**
 * What an attempt's error means for the chain, as the entry's breaker judges it: refused (open
 * breaker, no traffic) and failed (a failure it counts) move on to the next entry; anything else (a
 * 400, a 401, a bug) is the caller's problem and is thrown as it is.
 *
 * @param reason why the chain moves on, or null when it does not
 * @param detail what happened, for the log line
 */
record AttemptVerdict(FallbackMove.Reason reason, String detail) {

    static AttemptVerdict of(Throwable error, FallbackEntry entry) {
        Optional<BreakerOpenException> refusal = Refusals.find(error);
        if (refusal.isPresent()) {
            BreakerOpenException open = refusal.get();
            return new AttemptVerdict(FallbackMove.Reason.REFUSED, "refused: breaker open for provider '" + open.provider()
                    + "', key '" + open.key() + "', retry in " + open.retryAfterSeconds() + "s");
        }
        CallResult result = entry.judge().ofException(error);
        if (result.outcome() != Outcome.FAILURE) {
            return new AttemptVerdict(null, null);
        }
        return new AttemptVerdict(FallbackMove.Reason.FAILED,
                result.status() > 0 ? "failed with status " + result.status()
                        : "failed with " + error.getClass().getSimpleName());
    }

    boolean movesOn() {
        return reason != null;
    }
}
