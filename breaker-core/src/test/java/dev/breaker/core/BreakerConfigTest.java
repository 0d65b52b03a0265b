package dev.breaker.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreakerConfigTest {

    @Test
    void hasTheDocumentedDefaults() {
        BreakerConfig config = BreakerConfig.defaults();

        assertThat(config.failureStatuses()).containsExactly(429, 503, 504, 529);
        assertThat(config.countTimeouts()).isTrue();
        assertThat(config.hasFailureThreshold()).isFalse();
        assertThat(config.failureRateThreshold()).isEqualTo(0.5);
        assertThat(config.minimumCalls()).isEqualTo(10);
        assertThat(config.windowSize()).isEqualTo(100);
        assertThat(config.windowDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.openDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.backoffMultiplier()).isEqualTo(1.0);
        assertThat(config.maxOpenDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.halfOpenMaxCalls()).isEqualTo(3);
        assertThat(config.halfOpenSuccessesToClose()).isEqualTo(3);
        assertThat(config.honorRetryAfter()).isTrue();
        assertThat(config.quotaErrors()).isTrue();
        assertThat(config.openJitter()).isZero();
        assertThat(config.maxBreakers()).isEqualTo(10_000);
        assertThat(config.probeTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void successesToCloseFollowsHalfOpenMaxCallsUnlessSet() {
        assertThat(BreakerConfig.builder().halfOpenMaxCalls(5).build().halfOpenSuccessesToClose()).isEqualTo(5);
        assertThat(BreakerConfig.builder().halfOpenMaxCalls(5).halfOpenSuccessesToClose(2).build()
                .halfOpenSuccessesToClose()).isEqualTo(2);
    }

    @Test
    void rejectsEveryValueOutsideItsRangeNamingTheProperty() {
        assertInvalid(b -> b.failureRateThreshold(0), "failure-rate-threshold");
        assertInvalid(b -> b.failureRateThreshold(1.01), "failure-rate-threshold");
        assertInvalid(b -> b.failureStatuses(99), "failure-statuses");
        assertInvalid(b -> b.failureStatuses(600), "failure-statuses");
        assertInvalid(b -> b.openDuration(Duration.ZERO), "open-duration");
        assertInvalid(b -> b.windowDuration(Duration.ofSeconds(-1)), "window-duration");
        assertInvalid(b -> b.windowDuration(Duration.ofMillis(9)), "window-duration");
        assertInvalid(b -> b.backoffMultiplier(0.9), "backoff-multiplier");
        assertInvalid(b -> b.maxOpenDuration(Duration.ofSeconds(1)), "max-open-duration");
        assertInvalid(b -> b.halfOpenMaxCalls(0), "half-open-max-calls");
        assertInvalid(b -> b.openJitter(1.5), "open-jitter");
        assertInvalid(b -> b.minimumCalls(101), "minimum-calls");
        assertInvalid(b -> b.maxBreakers(0), "max-breakers");
        assertInvalid(b -> b.probeTimeout(Duration.ZERO), "probe-timeout");
        assertInvalid(b -> b.failureThreshold(-1), "failure-threshold");
        assertInvalid(b -> b.windowSize(BreakerConfig.MAX_WINDOW_SIZE + 1), "window-size");
        assertInvalid(b -> b.slowCallDuration(Duration.ZERO), "slow-call-duration");
        assertInvalid(b -> b.slowCallRateThreshold(0), "slow-call-rate-threshold");
        assertInvalid(b -> b.slowCallRateThreshold(1.01), "slow-call-rate-threshold");
    }

    private static void assertInvalid(UnaryOperator<BreakerConfig.Builder> change, String property) {
        assertThatThrownBy(() -> change.apply(BreakerConfig.builder()).build())
                .isInstanceOf(InvalidBreakerConfigException.class)
                .satisfies(e -> assertThat(((InvalidBreakerConfigException) e).property()).isEqualTo(property))
                .hasMessageContaining(property);
    }
}
