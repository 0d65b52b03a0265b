package dev.breaker.core.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterParserTest {

    private static final long NOW = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();

    private static Duration parse(int status, Map<String, String> headers) {
        return RetryAfterParser.parse(status, ResponseHeaders.of(headers), NOW);
    }

    @Test
    void readsDeltaSeconds() {
        assertThat(parse(503, Map.of("Retry-After", "30"))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsHeaderNamesInAnyCase() {
        assertThat(parse(503, Map.of("retry-after", " 7 "))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void readsAnHttpDate() {
        assertThat(parse(503, Map.of("Retry-After", "Wed, 25 Nov 2026 12:01:30 GMT"))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(parse(503, Map.of("Retry-After", "Wed, 25 Nov 2026 11:00:00 GMT"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void prefersRetryAfterMsForItsPrecision() {
        assertThat(parse(429, Map.of("retry-after-ms", "1500", "Retry-After", "2"))).isEqualTo(Duration.ofMillis(1500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "1.5", "", "  ", "Wed, 99 Foo 2026", "0x10", "３"})
    void ignoresMalformedOrNegativeValues(String value) {
        assertThat(parse(503, Map.of("Retry-After", value))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "NaN", "Infinity", "ms"})
    void ignoresMalformedRetryAfterMs(String value) {
        assertThat(parse(503, Map.of("retry-after-ms", value))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999999", "86401", "9223372036854775807"})
    void clampsAbsurdValuesToADay(String value) {
        assertThat(parse(503, Map.of("Retry-After", value))).isEqualTo(RetryAfterParser.MAX);
    }

    @Test
    void fallsBackToTheExhaustedAnthropicLimitsResetOnA429() {
        Duration wait = parse(429, Map.of(
                "anthropic-ratelimit-requests-remaining", "0",
                "anthropic-ratelimit-requests-reset", "2026-11-25T12:00:20Z",
                "anthropic-ratelimit-tokens-remaining", "5000",
                "anthropic-ratelimit-tokens-reset", "2026-11-25T12:00:50Z"));

        assertThat(wait).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void fallsBackToTheLatestResetWhenNoLimitSaysItIsExhausted() {
        Duration wait = parse(429, Map.of(
                "anthropic-ratelimit-requests-reset", "2026-11-25T12:00:20Z",
                "anthropic-ratelimit-tokens-reset", "2026-11-25T12:00:50+00:00"));

        assertThat(wait).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void readsOpenAiResetDurations() {
        Duration wait = parse(429, Map.of(
                "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "6m0s",
                "x-ratelimit-remaining-tokens", "100",
                "x-ratelimit-reset-tokens", "1h"));

        assertThat(wait).isEqualTo(Duration.ofMinutes(6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1s:1000", "250ms:250", "1m30.5s:90500", "2h:7200000"})
    void readsGoStyleDurations(String spec) {
        String[] parts = spec.split(":");
        assertThat(RetryAfterParser.parseGoDuration(parts[0])).isEqualTo(Duration.ofMillis(Long.parseLong(parts[1])));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1x", "s", "1s2", "abc", "-1s"})
    void ignoresMalformedGoDurations(String value) {
        assertThat(RetryAfterParser.parseGoDuration(value)).isNull();
    }

    @Test
    void usesResetHeadersOnlyForA429() {
        assertThat(parse(503, Map.of("x-ratelimit-reset-requests", "20s"))).isNull();
    }

    @Test
    void retryAfterWinsOverResetHeaders() {
        assertThat(parse(429, Map.of("Retry-After", "3", "x-ratelimit-reset-requests", "20s")))
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void noHeadersMeansNoHint() {
        assertThat(parse(429, Map.of())).isNull();
    }
}
