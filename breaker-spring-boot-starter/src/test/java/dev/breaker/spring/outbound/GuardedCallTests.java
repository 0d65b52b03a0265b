package dev.breaker.spring.outbound;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerState;
import dev.breaker.core.classify.ResponseHeaders;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.dialect.ErrorFormat;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.ProviderSettings;
import dev.breaker.spring.provider.Scope;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One failure trips these breakers, so every test can tell whether an outcome was reported. */
class GuardedCallTests {

    private static final String ERROR_EVENT =
            "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}\n\n";
    private static final URI URL = URI.create("https://api.anthropic.com/v1/messages");

    private final ManualClock clock = new ManualClock();
    private final ProviderSettings anthropic = new ProviderSettings("anthropic", true, null,
            URI.create("https://api.anthropic.com"), List.of(Scope.ENDPOINT), null, "X-Tenant-Id", ErrorFormat.ANTHROPIC,
            503, Set.of("overloaded_error"), 1024, true, 100,
            BreakerConfig.builder().failureThreshold(1).halfOpenMaxCalls(1).build());
    private final BreakerRegistry registry = BreakerRegistry.builder().clock(clock)
            .provider("anthropic", anthropic.breaker()).build();
    private final OutboundGuard guard = new OutboundGuard(BreakerProviders.of(List.of(anthropic)), registry);
    private final Breaker breaker = registry.breaker("anthropic", "/v1/messages");

    @Test
    void onlyTheFirstOutcomeCounts() {
        GuardedCall call = call();

        call.respond(200, ResponseHeaders.NONE, "application/json");
        call.fail(new SocketTimeoutException());
        call.bodyFailed(new SocketTimeoutException());

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalSuccesses()).isEqualTo(1);
    }

    @Test
    void aStatusOutsideTheBodyRulesIsReportedAtOnce() {
        assertThat(call().respond(529, ResponseHeaders.NONE, "application/json")).isFalse();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void a429ThatMayBeJsonWaitsForItsBody() throws Exception {
        GuardedCall call = call();

        assertThat(call.respond(429, ResponseHeaders.NONE, "application/json; charset=utf-8")).isTrue();
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        InputStream body = call.body(new ByteArrayInputStream("{\"error\":{\"type\":\"rate_limit_error\"}}".getBytes()));
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("rate_limit_error");
    }

    @Test
    void a429InHtmlIsJudgedByItsStatusAlone() {
        assertThat(call().respond(429, ResponseHeaders.NONE, "text/html")).isFalse();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void anErrorEventFailsAStreamEvenWhenTheCallerStopsReadingRightAfterIt() throws Exception {
        GuardedCall call = call();
        call.respond(200, ResponseHeaders.NONE, "text/event-stream;charset=UTF-8");
        InputStream body = call.body(new ByteArrayInputStream((ERROR_EVENT + "data: more\n\n").getBytes()));

        body.readNBytes(ERROR_EVENT.length());
        body.close();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void cancellingTheExchangeAfterTheResponseLeavesTheVerdictToTheBody() {
        GuardedCall call = call();
        call.respond(200, ResponseHeaders.NONE, "text/event-stream");

        call.cancel();
        call.abandon();
        byte[] event = ERROR_EVENT.getBytes(StandardCharsets.UTF_8);
        call.feed(event, 0, event.length);
        call.bodyEnded();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void anAbandonedProbeGivesItsSlotBack() {
        breaker.acquire().onFailure(529);
        clock.advance(Duration.ofSeconds(30));
        GuardedCall probe = call();
        assertThat(breaker.probesInFlight()).isEqualTo(1);

        probe.abandon();

        assertThat(breaker.probesInFlight()).isZero();
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
    }

    @Test
    void otherErrorsAreIgnored() {
        call().fail(new IllegalStateException("no decoder for text/plain"));

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalIgnored()).isEqualTo(1);
    }

    private GuardedCall call() {
        return guard.start(URL, null, () -> null, name -> null);
    }
}
