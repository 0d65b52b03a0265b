package dev.breaker.core.classify;

import dev.breaker.core.BreakerConfig;
import dev.breaker.core.CallResult;
import dev.breaker.core.Outcome;
import dev.breaker.core.clock.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeClassifierTest {

    private final OutcomeClassifier classifier = new OutcomeClassifier(BreakerConfig.defaults(), new ManualClock());

    @ParameterizedTest
    @CsvSource({"200,SUCCESS", "204,SUCCESS", "301,SUCCESS", "429,FAILURE", "503,FAILURE", "504,FAILURE",
            "529,FAILURE", "500,IGNORED", "400,IGNORED", "401,IGNORED", "404,IGNORED", "0,IGNORED", "999,IGNORED"})
    void classifiesStatusesPerTheDefaultFailureStatuses(int status, Outcome expected) {
        assertThat(classifier.outcomeOf(status)).isEqualTo(expected);
    }

    @Test
    void honoursConfiguredFailureStatuses() {
        OutcomeClassifier custom = new OutcomeClassifier(BreakerConfig.builder().failureStatuses(500, 502).build(),
                new ManualClock());

        assertThat(custom.outcomeOf(500)).isEqualTo(Outcome.FAILURE);
        assertThat(custom.outcomeOf(429)).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void aFailingResponseCarriesItsRetryHint() {
        CallResult result = classifier.ofResponse(429, ResponseHeaders.of(Map.of("Retry-After", "12")));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.status()).isEqualTo(429);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void timeoutsAndConnectionFailuresCountOnlyWhenCountTimeoutsIsOn() {
        OutcomeClassifier lenient = new OutcomeClassifier(BreakerConfig.builder().countTimeouts(false).build(),
                new ManualClock());

        assertThat(classifier.ofTimeout().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(classifier.ofConnectionFailure().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(lenient.ofTimeout().outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(lenient.ofConnectionFailure().outcome()).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void aCancelledCallIsIgnored() {
        assertThat(classifier.ofCancellation().outcome()).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void aQuotaErrorIsMarkedOnlyWhenQuotaErrorsAreOn() {
        OutcomeClassifier off = new OutcomeClassifier(BreakerConfig.builder().quotaErrors(false).build(), new ManualClock());

        assertThat(classifier.ofQuotaError(429, ResponseHeaders.NONE).quotaExhausted()).isTrue();
        assertThat(off.ofQuotaError(429, ResponseHeaders.NONE).quotaExhausted()).isFalse();
    }
}
