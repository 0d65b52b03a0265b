package dev.breaker.spring.dialect;

import dev.breaker.core.BreakerOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionTests {

    private final BreakerOpenException refusal = new BreakerOpenException("anthropic", "/v1/messages", Duration.ofMillis(26_100));

    @Test
    void writesAnthropicsOverloadedError() {
        assertThat(Rejection.body(ErrorFormat.ANTHROPIC, 503, refusal).toString()).isEqualTo(
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Circuit breaker for provider "
                        + "'anthropic' (key '/v1/messages') is open; retry after 27s\"}}");
    }

    @Test
    void writesOpenAisServerError() {
        assertThat(Rejection.body(ErrorFormat.OPENAI, 503, refusal).toString()).isEqualTo(
                "{\"error\":{\"message\":\"Circuit breaker for provider 'anthropic' (key '/v1/messages') is open; "
                        + "retry after 27s\",\"type\":\"server_error\",\"param\":null,\"code\":\"circuit_breaker_open\"}}");
    }

    @Test
    void writesAProblemDetail() {
        assertThat(Rejection.body(ErrorFormat.PROBLEM, 503, refusal).toString()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Circuit breaker "
                        + "for provider 'anthropic' (key '/v1/messages') is open; retry after 27s\",\"provider\":\"anthropic\","
                        + "\"key\":\"/v1/messages\",\"retryAfterSeconds\":27}");
    }

    @Test
    void titlesTheProblemAfterTheRejectionStatus() {
        assertThat(Rejection.body(ErrorFormat.PROBLEM, 429, refusal).get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(Rejection.body(ErrorFormat.PROBLEM, 429, refusal).get("status").asInt()).isEqualTo(429);
        assertThat(Rejection.body(ErrorFormat.PROBLEM, 529, refusal).get("title").asString()).isEqualTo("Service Unavailable");
    }

    @Test
    void asksToRetryAfterAtLeastOneSecond() {
        BreakerOpenException almostOver = new BreakerOpenException("openai", "*", Duration.ofMillis(3));
        assertThat(Rejection.body(ErrorFormat.PROBLEM, 503, almostOver).get("retryAfterSeconds").asLong()).isEqualTo(1);
    }

    @Test
    void answersWithTheStatusRetryAfterAndContentTypeOfItsFormat() {
        Rejection problem = Rejection.of(ErrorFormat.PROBLEM, 429, refusal);
        Rejection anthropic = Rejection.of(ErrorFormat.ANTHROPIC, 529, refusal);

        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.contentType()).isEqualTo("application/problem+json");
        assertThat(problem.retryAfterSeconds()).isEqualTo(27);
        assertThat(anthropic.status()).isEqualTo(529);
        assertThat(anthropic.contentType()).isEqualTo("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/messages", "/v1/messages|claude-sonnet-4-5-préview|-", "tenant 42", "100%",
            "模型|😀", "tab\there", "%E9 looks encoded", ""})
    void aKeyInAHeaderIsLegalVisibleAsciiAndComesBackExactly(String key) {
        String header = Rejection.headerValue(key);

        assertThat(header.chars()).allMatch(c -> c > 0x20 && c < 0x7F);
        assertThat(Rejection.fromHeaderValue(header)).isEqualTo(key);
    }

    @Test
    void aPlainKeyIsItsOwnHeaderValue() {
        assertThat(Rejection.headerValue("/v1/chat/completions|gpt-4o")).isEqualTo("/v1/chat/completions|gpt-4o");
        assertThat(Rejection.headerValue("claude-sonnet-4-5-préview")).isEqualTo("claude-sonnet-4-5-pr%C3%A9view");
    }
}
