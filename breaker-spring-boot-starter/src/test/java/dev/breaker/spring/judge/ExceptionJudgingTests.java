package dev.breaker.spring.judge;

import com.anthropic.core.JsonValue;
import com.anthropic.core.http.Headers;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import com.anthropic.errors.UnexpectedStatusCodeException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ErrorObject;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.CallResult;
import dev.breaker.core.Outcome;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.spring.dialect.ErrorFormat;
import dev.breaker.spring.dialect.Rejection;
import dev.breaker.spring.provider.ProviderSettings;
import dev.breaker.spring.provider.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exceptions are judged by the answer they keep, whichever client threw them, with the same rules as
 * the answer on the wire: a 529 inside an SDK exception is a failure, a 400 is not, an overload event
 * that broke a stream is a failure, a breaker's local refusal is no answer of the upstream at all.
 */
class ExceptionJudgingTests {

    private static final String OVERLOADED = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
    private static final String INVALID = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad\"}}";
    private static final String QUOTA = "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
            + "\"param\":null,\"code\":\"insufficient_quota\"}}";

    private final ProviderSettings anthropic = new ProviderSettings("anthropic", true, null,
            URI.create("https://api.anthropic.com"), List.of(Scope.ENDPOINT), null, "X-Tenant-Id", ErrorFormat.ANTHROPIC,
            503, Set.of("overloaded_error", "server_error"), 1024, true, 100,
            BreakerConfig.builder().failureThreshold(1).maxOpenDuration(Duration.ofMinutes(10)).build());
    private final ResponseJudge judge = ResponseJudge.of(anthropic, new ManualClock());

    @Test
    void anAnthropicSdkOverloadIsAFailureWithItsRetryAfter() {
        InternalServerException overloaded = InternalServerException.builder().statusCode(529)
                .headers(Headers.builder().put("retry-after", "20").put("content-type", "application/json").build())
                .body(json(OVERLOADED)).build();

        CallResult result = judge.ofException(overloaded);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.status()).isEqualTo(529);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void anSdkBadRequestIsIgnoredHoweverDeeplyItIsWrapped() {
        BadRequestException badRequest = BadRequestException.builder()
                .headers(Headers.builder().build()).body(json(INVALID)).build();

        assertThat(judge.ofException(new CompletionException(badRequest)).outcome()).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void anSdkQuotaErrorIsReadFromItsBody() {
        RateLimitException quota = RateLimitException.builder()
                .headers(Headers.builder().put("content-type", "application/json").build()).body(json(QUOTA)).build();

        assertThat(judge.ofException(quota).quotaExhausted()).isTrue();
    }

    @Test
    void anOverloadEventThatBrokeAStreamIsAFailureAndAnotherErrorEventIsNot() {
        SseException overloaded = SseException.builder().statusCode(200).headers(Headers.builder().build())
                .body(json(OVERLOADED)).build();
        SseException invalid = SseException.builder().statusCode(200).headers(Headers.builder().build())
                .body(json(INVALID)).build();

        assertThat(judge.ofException(overloaded).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(judge.ofException(invalid).outcome()).isNotEqualTo(Outcome.FAILURE);
    }

    @Test
    void anOpenAiStreamErrorChunkIsJudgedByItsType() {
        OpenAIServiceException overloaded = com.openai.errors.SseException.builder().statusCode(200)
                .headers(com.openai.core.http.Headers.builder().build())
                .error(ErrorObject.builder().message("The server is overloaded").type("server_error")
                        .code(Optional.empty()).param(Optional.empty()).build())
                .build();

        assertThat(judge.ofException(overloaded).outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void springAiRetryExceptionsAreAreReadFromTheirStatusAndBodyMessage() {
        assertThat(judge.ofException(new TransientAiException("529 - " + OVERLOADED)).outcome())
                .isEqualTo(Outcome.FAILURE);
        assertThat(judge.ofException(new TransientAiException("HTTP 503 - No response body available")).outcome())
                .isEqualTo(Outcome.FAILURE);
        assertThat(judge.ofException(new NonTransientAiException("400 - " + INVALID)).outcome())
                .isEqualTo(Outcome.IGNORED);
        assertThat(judge.ofException(new NonTransientAiException("429 - " + QUOTA)).quotaExhausted()).isTrue();
        assertThat(ErrorAnswers.find(new TransientAiException("Model is still loading"))).isNull();
    }

    @Test
    void springHttpExceptionsKeepTheirStatusAndHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Retry-After", "7");
        HttpServerErrorException unavailable = HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE,
                "Service Unavailable", headers, new byte[0], StandardCharsets.UTF_8);

        CallResult result = judge.ofException(unavailable);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aTimeoutWithoutAnAnswerCountsAndOtherErrorsAreIgnored() {
        assertThat(judge.ofException(new ResourceAccessException("read", new SocketTimeoutException())).outcome())
                .isEqualTo(Outcome.FAILURE);
        assertThat(judge.ofException(new IllegalStateException("bug")).outcome()).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void theLocalRejectionResponseIsARefusalNotAnAnswer() {
        UnexpectedStatusCodeException rejection = UnexpectedStatusCodeException.builder().statusCode(503)
                .headers(Headers.builder().put(Rejection.PROVIDER_HEADER, "anthropic")
                        .put(Rejection.KEY_HEADER, Rejection.headerValue("/v1/messages|claude sonnet"))
                        .put("Retry-After", "12").build())
                .body(json(OVERLOADED)).build();

        BreakerOpenException refusal = Refusals.find(new CompletionException(rejection)).orElseThrow();

        assertThat(refusal.provider()).isEqualTo("anthropic");
        assertThat(refusal.key()).isEqualTo("/v1/messages|claude sonnet");
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(judge.ofException(rejection).outcome()).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void aNestedBreakersRefusalIsIgnored() {
        BreakerOpenException open = new BreakerOpenException("openai", "*", Duration.ofSeconds(3));

        assertThat(Refusals.find(new IllegalStateException(open))).containsSame(open);
        assertThat(judge.ofException(open).outcome()).isEqualTo(Outcome.IGNORED);
    }

    private static JsonValue json(String text) {
        try {
            return JsonValue.fromJsonNode(com.anthropic.core.ObjectMappers.jsonMapper().readTree(text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
