package dev.breaker.spring.it;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.UnknownProviderException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.spring.BreakerAttributes.MODEL;
import static dev.breaker.spring.BreakerAttributes.PROVIDER;
import static dev.breaker.spring.it.Upstreams.ANTHROPIC;
import static dev.breaker.spring.it.Upstreams.CLOSED_PORT;
import static dev.breaker.spring.it.Upstreams.ELSEWHERE;
import static dev.breaker.spring.it.Upstreams.INSUFFICIENT_QUOTA_JSON;
import static dev.breaker.spring.it.Upstreams.OPENAI;
import static dev.breaker.spring.it.Upstreams.OVERLOADED_JSON;
import static dev.breaker.spring.it.Upstreams.RATE_LIMITED_JSON;
import static dev.breaker.spring.it.Upstreams.SPEND_LIMIT_JSON;
import static dev.breaker.spring.it.Upstreams.anthropicOverloaded;
import static dev.breaker.spring.it.Upstreams.json;
import static dev.breaker.spring.it.Upstreams.openAiRateLimited;
import static dev.breaker.spring.it.Upstreams.requestsTo;
import static dev.breaker.spring.it.Upstreams.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * What every outbound client built from Spring Boot's builders must do, against real HTTP servers
 * that answer like Anthropic and OpenAI. Each client's test class runs all of these; the Spring
 * context is shared by all of them, and every breaker is reset before each test.
 */
@SpringBootTest(classes = OutboundTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "breaker.defaults.failure-threshold=3",
                "breaker.defaults.open-duration=30s",
                "breaker.defaults.max-open-duration=10m",
                "breaker.defaults.half-open-max-calls=1",
                "breaker.providers.anthropic.scope=endpoint,model",
                "breaker.providers.openai-files.failure-threshold=1",
                "breaker.providers.internal.scope=endpoint",
                "breaker.providers.legacy.enabled=false"})
abstract class OutboundBreakerScenarios {

    static final String MESSAGES = "/v1/messages";
    static final String CHAT = "/v1/chat/completions";
    static final String SONNET = "claude-sonnet-4-5";
    static final String MESSAGES_KEY = MESSAGES + "|" + SONNET;

    @Autowired
    ManualClock clock;

    @Autowired
    BreakerRegistry registry;

    /** What the caller got: an error status is a reply here, not an exception. */
    record Reply(int status, String body) {
    }

    /** One POST through a client built from Spring Boot's builder, with these request attributes. */
    abstract Reply call(String url, Map<String, Object> attributes);

    /** One call through a client from Spring Boot's builder that stops waiting after {@code timeout}; throws then. */
    abstract void callWithReadTimeout(String url, Duration timeout);

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry properties) {
        properties.add("breaker.providers.anthropic.base-url", () -> url(ANTHROPIC, ""));
        properties.add("breaker.providers.openai.base-url", () -> url(OPENAI, "/v1"));
        properties.add("breaker.providers.openai-files.base-url", () -> url(OPENAI, "/v1/files"));
        properties.add("breaker.providers.legacy.base-url", () -> url(OPENAI, "/legacy"));
        properties.add("breaker.providers.unreachable.base-url", () -> "http://127.0.0.1:" + CLOSED_PORT);
    }

    @BeforeEach
    void everyBreakerClosedAndNoRequestSeen() {
        Upstreams.resetAll();
        registry.providers().forEach(provider -> provider.breakers().forEach(Breaker::reset));
    }

    @Test
    void tripsAfterThreeOverloadsAndThenRejectsWithoutCallingTheProvider() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded("10")));

        for (int i = 0; i < 3; i++) {
            assertThat(callMessages(SONNET)).isEqualTo(new Reply(529, OVERLOADED_JSON));
        }
        BreakerOpenException rejection = rejected(() -> callMessages(SONNET));

        assertThat(rejection.provider()).isEqualTo("anthropic");
        assertThat(rejection.key()).isEqualTo(MESSAGES_KEY);
        assertThat(rejection.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
    }

    @Test
    void staysOpenAsLongAsRetryAfterAsksThenClosesOnASuccessfulProbe() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded("120")));
        tripMessages();
        assertThat(rejected(() -> callMessages(SONNET)).retryAfter()).isEqualTo(Duration.ofSeconds(120));

        clock.advance(Duration.ofSeconds(119));
        rejected(() -> callMessages(SONNET));
        clock.advance(Duration.ofSeconds(1));
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(200, "{\"type\":\"message\"}")));

        assertThat(callMessages(SONNET).status()).isEqualTo(200);
        assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.CLOSED);
        assertThat(callMessages(SONNET).status()).isEqualTo(200);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(5);
    }

    @Test
    void opensAgainWhenTheProbeFails() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        tripMessages();
        clock.advance(Duration.ofSeconds(30));

        assertThat(callMessages(SONNET).status()).isEqualTo(529);

        assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.OPEN);
        rejected(() -> callMessages(SONNET));
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(4);
    }

    @Test
    void honoursOpenAiRetryAfterMsOverRetryAfter() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(
                openAiRateLimited().withHeader("retry-after", "20").withHeader("retry-after-ms", "45000")));
        for (int i = 0; i < 3; i++) {
            assertThat(call(url(OPENAI, CHAT), Map.of())).isEqualTo(new Reply(429, RATE_LIMITED_JSON));
        }

        BreakerOpenException rejection = rejected(() -> call(url(OPENAI, CHAT), Map.of()));
        assertThat(rejection.provider()).isEqualTo("openai");
        assertThat(rejection.key()).isEqualTo("/chat/completions");
        assertThat(rejection.retryAfter()).isEqualTo(Duration.ofSeconds(45));

        clock.advance(Duration.ofSeconds(44));
        rejected(() -> call(url(OPENAI, CHAT), Map.of()));
        clock.advance(Duration.ofSeconds(1));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(200, "{}")));
        assertThat(call(url(OPENAI, CHAT), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void takesTheExhaustedRateLimitResetWhenA429HasNoRetryAfter() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(openAiRateLimited()));
        for (int i = 0; i < 3; i++) {
            call(url(OPENAI, CHAT), Map.of());
        }

        // x-ratelimit-reset-requests: 6m0s is the exhausted limit; the tokens reset (2s) is not.
        assertThat(rejected(() -> call(url(OPENAI, CHAT), Map.of())).retryAfter()).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void opensAtOnceOnAnExhaustedOpenAiQuotaAndStillHandsTheBodyOver() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(429, INSUFFICIENT_QUOTA_JSON)));

        assertThat(call(url(OPENAI, CHAT), Map.of())).isEqualTo(new Reply(429, INSUFFICIENT_QUOTA_JSON));

        BreakerOpenException rejection = rejected(() -> call(url(OPENAI, CHAT), Map.of()));
        assertThat(rejection.retryAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(requestsTo(OPENAI)).isEqualTo(1);
    }

    @Test
    void opensAtOnceOnAnAnthropicSpendLimit() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(json(429, SPEND_LIMIT_JSON)));

        assertThat(callMessages(SONNET)).isEqualTo(new Reply(429, SPEND_LIMIT_JSON));

        assertThat(rejected(() -> callMessages(SONNET)).retryAfter()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aTrippedEndpointLeavesTheProvidersOtherEndpointsOpenForCalls() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        ANTHROPIC.stubFor(any(urlPathEqualTo("/v1/messages/count_tokens")).willReturn(json(200, "{\"input_tokens\":3}")));
        tripMessages();

        Reply other = call(url(ANTHROPIC, "/v1/messages/count_tokens"), Map.of(MODEL, SONNET));

        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void aTrippedModelLeavesOtherModelsOfTheSameEndpointAlone() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        tripMessages();

        assertThat(callMessages("claude-haiku-4-5").status()).isEqualTo(529);
        assertThat(requestsTo(ANTHROPIC)).isEqualTo(4);
    }

    @Test
    void theLongestMatchingBaseUrlPicksTheProvider() {
        OPENAI.stubFor(any(urlPathEqualTo("/v1/files/file-abc")).willReturn(json(503, "{}")));
        OPENAI.stubFor(any(urlPathEqualTo("/v1/models")).willReturn(json(200, "{}")));

        assertThat(call(url(OPENAI, "/v1/files/file-abc"), Map.of()).status()).isEqualTo(503);

        BreakerOpenException rejection = rejected(() -> call(url(OPENAI, "/v1/files/file-abc"), Map.of()));
        assertThat(rejection.provider()).isEqualTo("openai-files");
        assertThat(rejection.key()).isEqualTo("/file-abc");
        assertThat(call(url(OPENAI, "/v1/models"), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theProviderAttributeWinsOverTheUrl() {
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        for (int i = 0; i < 3; i++) {
            call(url(ANTHROPIC, MESSAGES), Map.of(PROVIDER, "openai"));
        }

        BreakerOpenException rejection = rejected(() -> call(url(ANTHROPIC, MESSAGES), Map.of(PROVIDER, "openai")));
        assertThat(rejection.provider()).isEqualTo("openai");
        // openai's base-url does not cover this URL, so the whole path is the endpoint.
        assertThat(rejection.key()).isEqualTo(MESSAGES);
        assertThat(callMessages(SONNET).status()).isEqualTo(529);
    }

    @Test
    void aProviderWithoutBaseUrlIsKeyedByTheWholePathWithoutQuery() {
        ELSEWHERE.stubFor(any(urlPathEqualTo("/svc/items")).willReturn(json(503, "{}")));
        Map<String, Object> internal = Map.of(PROVIDER, "internal");
        for (int i = 0; i < 3; i++) {
            call(url(ELSEWHERE, "/svc/items?page=" + i), internal);
        }

        BreakerOpenException rejection = rejected(() -> call(url(ELSEWHERE, "/svc/items?page=9"), internal));
        assertThat(rejection.provider()).isEqualTo("internal");
        assertThat(rejection.key()).isEqualTo("/svc/items");
    }

    @Test
    void anUnknownProviderAttributeFailsTheCallBeforeAnyRequest() {
        Throwable error = catchThrowable(() -> call(url(ANTHROPIC, MESSAGES), Map.of(PROVIDER, "antropic")));

        assertThat(error).isInstanceOf(UnknownProviderException.class).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'antropic'")
                .hasMessageContaining("anthropic")
                .hasMessageContaining("openai")
                .hasMessageContaining("breaker.providers.antropic");
        assertThat(requestsTo(ANTHROPIC)).isZero();
    }

    @Test
    void aMalformedRetryAfterStillCountsAndOpensForTheDefaultPeriod() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(503, "{}").withHeader("Retry-After", "soon")));
        for (int i = 0; i < 3; i++) {
            assertThat(call(url(OPENAI, CHAT), Map.of()).status()).isEqualTo(503);
        }

        assertThat(rejected(() -> call(url(OPENAI, CHAT), Map.of())).retryAfter()).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(200, "{}")));
        assertThat(call(url(OPENAI, CHAT), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void errorBodiesThatAreNotJsonStillCountAndReachTheCallerUnchanged() {
        String html = "<html><body><h1>429 Too Many Requests</h1></body></html>";
        String notJson = "upstream connect error or disconnect/reset before headers";

        OPENAI.stubFor(any(urlPathEqualTo("/v1/a")).willReturn(
                aResponse().withStatus(429).withHeader("Content-Type", "text/html").withBody(html)));
        assertThat(call(url(OPENAI, "/v1/a"), Map.of())).isEqualTo(new Reply(429, html));
        OPENAI.stubFor(any(urlPathEqualTo("/v1/a")).willReturn(json(429, notJson)));
        assertThat(call(url(OPENAI, "/v1/a"), Map.of())).isEqualTo(new Reply(429, notJson));
        OPENAI.stubFor(any(urlPathEqualTo("/v1/a")).willReturn(aResponse().withStatus(429)));
        assertThat(call(url(OPENAI, "/v1/a"), Map.of())).isEqualTo(new Reply(429, ""));

        assertThat(rejected(() -> call(url(OPENAI, "/v1/a"), Map.of())).key()).isEqualTo("/a");
    }

    @Test
    void clientErrorsAreIgnored() {
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(400, "{\"error\":{\"type\":\"invalid_request_error\"}}")));
        Breaker breaker = registry.provider("openai").breaker("/chat/completions");
        long ignoredBefore = breaker.totalIgnored();

        for (int i = 0; i < 5; i++) {
            assertThat(call(url(OPENAI, CHAT), Map.of()).status()).isEqualTo(400);
        }

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalIgnored() - ignoredBefore).isEqualTo(5);
        assertThat(breaker.snapshot().calls()).isZero();
    }

    @Test
    void requestsToNoProviderPassUntouched() {
        ELSEWHERE.stubFor(any(urlPathEqualTo("/v1/messages")).willReturn(json(503, "{}")));

        for (int i = 0; i < 5; i++) {
            assertThat(call(url(ELSEWHERE, MESSAGES), Map.of()).status()).isEqualTo(503);
        }
        assertThat(requestsTo(ELSEWHERE)).isEqualTo(5);
    }

    @Test
    void requestsToADisabledProviderPassUntouched() {
        OPENAI.stubFor(any(urlPathEqualTo("/legacy/completions")).willReturn(json(503, "{}")));

        for (int i = 0; i < 5; i++) {
            assertThat(call(url(OPENAI, "/legacy/completions"), Map.of()).status()).isEqualTo(503);
        }
        assertThat(requestsTo(OPENAI)).isEqualTo(5);
        assertThat(registry.provider("legacy").size()).isZero();
    }

    @Test
    void refusedConnectionsCountAsFailures() {
        String url = "http://127.0.0.1:" + CLOSED_PORT + "/v1/ping";
        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowable(() -> call(url, Map.of()))).isNotNull().isNotInstanceOf(BreakerOpenException.class);
        }

        BreakerOpenException rejection = rejected(() -> call(url, Map.of()));
        assertThat(rejection.provider()).isEqualTo("unreachable");
        assertThat(rejection.key()).isEqualTo("/v1/ping");
    }

    @Test
    void timeoutsCountAsFailures() {
        ANTHROPIC.stubFor(any(urlPathEqualTo("/v1/slow")).willReturn(json(200, "{}").withFixedDelay(1_000)));
        for (int i = 0; i < 3; i++) {
            Throwable error = catchThrowable(() -> callWithReadTimeout(url(ANTHROPIC, "/v1/slow"), Duration.ofMillis(200)));
            assertThat(error).isNotNull().isNotInstanceOf(BreakerOpenException.class);
        }

        // Were the next call sent, it would now succeed at once instead of being rejected.
        ANTHROPIC.stubFor(any(urlPathEqualTo("/v1/slow")).willReturn(json(200, "{}")));
        rejected(() -> callWithReadTimeout(url(ANTHROPIC, "/v1/slow"), Duration.ofMillis(200)));
        // WireMock journals a delayed request only once it has answered it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(requestsTo(ANTHROPIC)).isEqualTo(3));
    }

    // ---- helpers -------------------------------------------------------------------------

    Reply callMessages(String model) {
        return call(url(ANTHROPIC, MESSAGES), Map.of(MODEL, model));
    }

    void tripMessages() {
        for (int i = 0; i < 3; i++) {
            callMessages(SONNET);
        }
        assertThat(breaker("anthropic", MESSAGES_KEY).state()).isEqualTo(BreakerState.OPEN);
    }

    Breaker breaker(String provider, String key) {
        Breaker breaker = registry.provider(provider).find(key);
        assertThat(breaker).as("breaker %s/%s", provider, key).isNotNull();
        return breaker;
    }

    static BreakerOpenException rejected(ThrowingCallable call) {
        Throwable error = catchThrowable(call);
        assertThat(error).isInstanceOf(BreakerOpenException.class);
        return (BreakerOpenException) error;
    }
}
