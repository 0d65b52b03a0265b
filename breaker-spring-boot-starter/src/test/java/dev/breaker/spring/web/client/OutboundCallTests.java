package dev.breaker.spring.web.client;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerState;
import dev.breaker.core.CallResult;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.classify.OutcomeClassifier;
import dev.breaker.core.classify.ResponseHeaders;
import dev.breaker.core.registry.BreakerRegistry;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One failure trips these breakers, so every test can tell whether an outcome was reported. */
class OutboundCallTests {

    private static final String ERROR_EVENT =
            "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}\n\n";

    private final ManualClock clock = new ManualClock();
    private final Breaker breaker = BreakerRegistry.builder().clock(clock)
            .provider("anthropic", BreakerConfig.builder().failureThreshold(1).halfOpenMaxCalls(1).build())
            .build().breaker("anthropic", "/v1/messages");

    @Test
    void onlyTheFirstOutcomeCounts() {
        OutboundCall call = call();

        call.finish(CallResult.SUCCESS);
        call.finish(CallResult.FAILURE);
        call.onError(new SocketTimeoutException());

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void aStatusOutsideTheBodyRulesIsReportedAtOnce() {
        assertThat(call().judge(529, ResponseHeaders.NONE, "application/json")).isNull();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void a429ThatMayBeJsonWaitsForItsBody() {
        BodyJudge judge = call().judge(429, ResponseHeaders.NONE, "application/json; charset=utf-8");

        assertThat(judge).isInstanceOf(QuotaJudge.class);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        judge.complete();
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void a429InHtmlIsJudgedByItsStatusAlone() {
        assertThat(call().judge(429, ResponseHeaders.NONE, "text/html")).isNull();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void anErrorEventFailsAStreamEvenWhenTheCallerStopsReadingRightAfterIt() {
        BodyJudge judge = call().judge(200, ResponseHeaders.NONE, "text/event-stream;charset=UTF-8");

        byte[] event = ERROR_EVENT.getBytes(StandardCharsets.UTF_8);
        judge.feed(event, 0, event.length);
        judge.cancel();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void cancellingTheExchangeAfterTheResponseLeavesTheVerdictToTheBody() {
        OutboundCall call = call();
        BodyJudge judge = call.judge(200, ResponseHeaders.NONE, "text/event-stream");

        call.onCancel();
        call.abandon();
        byte[] event = ERROR_EVENT.getBytes(StandardCharsets.UTF_8);
        judge.feed(event, 0, event.length);
        judge.complete();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void anAbandonedProbeGivesItsSlotBack() {
        breaker.acquire().onFailure(529);
        clock.advance(Duration.ofSeconds(30));
        OutboundCall probe = call();
        assertThat(breaker.probesInFlight()).isEqualTo(1);

        probe.abandon();

        assertThat(breaker.probesInFlight()).isZero();
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
    }

    @Test
    void otherErrorsAreIgnored() {
        call().onError(new IllegalStateException("no decoder for text/plain"));

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalIgnored()).isEqualTo(1);
    }

    private OutboundCall call() {
        return new OutboundCall(breaker.acquire(), new OutcomeClassifier(breaker.config(), clock),
                Set.of("overloaded_error"), breaker.config().quotaErrors());
    }
}
