package dev.breaker.spring.web.server;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.config.ErrorFormat;
import dev.breaker.spring.web.RejectionBody;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionTests {

    private final BreakerOpenException refusal = new BreakerOpenException("anthropic", "/v1/messages", Duration.ofMillis(26_100));

    @Test
    void writesAnthropicsOverloadedError() {
        assertThat(RejectionBody.of(ErrorFormat.ANTHROPIC, 503, refusal).toString()).isEqualTo(
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Circuit breaker for provider "
                        + "'anthropic' (key '/v1/messages') is open; retry after 27s\"}}");
    }

    @Test
    void writesOpenAisServerError() {
        assertThat(RejectionBody.of(ErrorFormat.OPENAI, 503, refusal).toString()).isEqualTo(
                "{\"error\":{\"message\":\"Circuit breaker for provider 'anthropic' (key '/v1/messages') is open; "
                        + "retry after 27s\",\"type\":\"server_error\",\"param\":null,\"code\":\"circuit_breaker_open\"}}");
    }

    @Test
    void writesAProblemDetail() {
        assertThat(RejectionBody.of(ErrorFormat.PROBLEM, 503, refusal).toString()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Circuit breaker "
                        + "for provider 'anthropic' (key '/v1/messages') is open; retry after 27s\",\"provider\":\"anthropic\","
                        + "\"key\":\"/v1/messages\",\"retryAfterSeconds\":27}");
    }

    @Test
    void titlesTheProblemAfterTheRejectionStatus() {
        assertThat(RejectionBody.of(ErrorFormat.PROBLEM, 429, refusal).get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(RejectionBody.of(ErrorFormat.PROBLEM, 429, refusal).get("status").asInt()).isEqualTo(429);
        assertThat(RejectionBody.of(ErrorFormat.PROBLEM, 529, refusal).get("title").asString()).isEqualTo("Service Unavailable");
    }

    @Test
    void asksToRetryAfterAtLeastOneSecond() {
        BreakerOpenException almostOver = new BreakerOpenException("openai", "*", Duration.ofMillis(3));
        assertThat(RejectionBody.of(ErrorFormat.PROBLEM, 503, almostOver).get("retryAfterSeconds").asLong()).isEqualTo(1);
    }
}
