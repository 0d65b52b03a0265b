package dev.breaker.spring.web.server;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerState;
import dev.breaker.core.TransitionReason;
import dev.breaker.spring.provider.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What the application answers is the admitted request's outcome, whichever way the answer comes about. */
class BreakerWebFilterOutcomeTests {

    private static final String OVERLOADED = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

    private final InboundFixture gateway = new InboundFixture(
            TestProvider.named("llm").build(),
            TestProvider.named("whole").pathPrefix("/whole").scopes(Scope.PROVIDER).build());

    @Test
    void opensAfterTheFailureThresholdAndRejectsWithoutCallingTheHandler() {
        for (int i = 0; i < 3; i++) {
            gateway.client.get().uri("/gw/status/529").exchange().expectStatus().isEqualTo(529);
        }
        gateway.client.get().uri("/gw/status/529").exchange().expectStatus().isEqualTo(503);
        assertThat(gateway.handled).hasValue(3);
        assertThat(gateway.breaker("llm", "/status/529").state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void countsSuccessesAndLeavesTheBreakerClosed() {
        for (int i = 0; i < 5; i++) {
            gateway.client.get().uri("/gw/status/200").exchange().expectStatus().isOk();
        }
        assertThat(gateway.breaker("llm", "/status/200").totalSuccesses()).isEqualTo(5);
    }

    @Test
    void judgesAResponseStatusExceptionByTheStatusItEndsWith() {
        for (int i = 0; i < 3; i++) {
            gateway.client.get().uri("/gw/throw/503").exchange().expectStatus().isEqualTo(503);
        }
        assertThat(gateway.breaker("llm", "/throw/503").state()).isEqualTo(BreakerState.OPEN);
        assertThat(gateway.breaker("llm", "/throw/503").snapshot().lastFailureStatus()).isEqualTo(503);
    }

    @Test
    void ignoresAHandlerCrashThatEndsInA500OutsideTheFailureStatuses() {
        Breaker breaker = gateway.registry.breaker("llm", "/crash");
        for (int i = 0; i < 4; i++) {
            gateway.client.get().uri("/gw/crash").exchange().expectStatus().isEqualTo(500);
        }
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalIgnored()).isEqualTo(4);
    }

    @Test
    void ignoresClientErrors() {
        Breaker breaker = gateway.registry.breaker("llm", "/status/400");
        for (int i = 0; i < 4; i++) {
            gateway.client.get().uri("/gw/status/400").exchange().expectStatus().isBadRequest();
        }
        assertThat(breaker.totalIgnored()).isEqualTo(4);
        assertThat(breaker.totalFailures()).isZero();
    }

    @Test
    void clientErrorsOnPathsWithoutABreakerLeaveNoBreakerBehind() {
        long ignoredBefore = gateway.registry.provider("llm").ignoredWithoutBreaker();
        for (int i = 0; i < 50; i++) {
            gateway.client.post().uri("/gw/no/such/route-" + i + "?status=404").bodyValue("{}").exchange()
                    .expectStatus().isNotFound();
        }
        assertThat(gateway.registry.provider("llm").breakers())
                .noneMatch(breaker -> breaker.id().key().startsWith("/no/such/route-"));
        assertThat(gateway.registry.provider("llm").ignoredWithoutBreaker()).isEqualTo(ignoredBefore + 50);
    }

    @Test
    void staysOpenForAsLongAsTheUpstreamsRetryAfterAsks() {
        for (int i = 0; i < 3; i++) {
            gateway.client.get().uri("/gw/status/429").header("Reply-Retry-After", "120").exchange()
                    .expectStatus().isEqualTo(429);
        }
        gateway.client.get().uri("/gw/status/429").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "120");
    }

    @Test
    void opensAtOnceOnAQuotaErrorAndStillSendsItsBody() {
        String quota = "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                + "\"param\":null,\"code\":\"insufficient_quota\"}}";
        gateway.client.get().uri("/gw/status/429").header("Reply-Body", quota).exchange()
                .expectStatus().isEqualTo(429)
                .expectBody(String.class).isEqualTo(quota);
        Breaker breaker = gateway.breaker("llm", "/status/429");
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.snapshot().reason()).isEqualTo(TransitionReason.QUOTA);
    }

    @Test
    void countsAn429WithoutQuotaErrorAsOneFailure() {
        String limited = "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}";
        gateway.client.get().uri("/gw/status/429").header("Reply-Body", limited).exchange()
                .expectStatus().isEqualTo(429)
                .expectBody(String.class).isEqualTo(limited);
        Breaker breaker = gateway.breaker("llm", "/status/429");
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalFailures()).isEqualTo(1);
    }

    @Test
    void countsAnOverloadedErrorEventInsideA200StreamAsAFailure() {
        String events = "{\"type\":\"message_start\"}|" + OVERLOADED;
        for (int i = 0; i < 3; i++) {
            String body = gateway.client.get().uri("/gw/sse?events={events}", events).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).contains("overloaded_error");
        }
        assertThat(gateway.breaker("llm", "/sse").state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void countsAStreamWithoutErrorEventsAsASuccess() {
        gateway.client.get().uri("/gw/sse?events={events}", "{\"type\":\"message_start\"}|{\"type\":\"message_stop\"}")
                .exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("data:{\"type\":\"message_start\"}\n\ndata:{\"type\":\"message_stop\"}\n\n");
        Breaker breaker = gateway.breaker("llm", "/sse");
        assertThat(breaker.totalSuccesses()).isEqualTo(1);
        assertThat(breaker.totalFailures()).isZero();
    }

    @Test
    void ignoresAnErrorEventWhoseTypeIsNoFailureType() {
        String invalid = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad\"}}";
        gateway.client.get().uri("/gw/sse?events={events}", invalid).exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("data:" + invalid + "\n\n");
        assertThat(gateway.breaker("llm", "/sse").totalFailures()).isZero();
        assertThat(gateway.breaker("llm", "/sse").totalSuccesses()).isOne();
    }

    @Test
    void recoversAfterTheOpenPeriodWhenTheProbeSucceeds() {
        tripStatus200Endpoint();
        gateway.clock.advance(Duration.ofSeconds(30));
        gateway.client.get().uri("/gw/status/200").exchange().expectStatus().isOk();
        assertThat(gateway.breaker("llm", "/status/200").state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void givesTheProbeSlotBackWhenTheProbeCrashes() {
        for (int i = 0; i < 3; i++) {
            gateway.client.get().uri("/whole/throw/503").exchange().expectStatus().isEqualTo(503);
        }
        Breaker breaker = gateway.breaker("whole", "*");
        gateway.clock.advance(Duration.ofSeconds(30));
        gateway.client.get().uri("/whole/crash").exchange().expectStatus().isEqualTo(500);
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.probesInFlight()).isZero();
        gateway.client.get().uri("/whole/status/200").exchange().expectStatus().isOk();
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void reopensWhenTheProbeFails() {
        for (int i = 0; i < 3; i++) {
            gateway.client.get().uri("/whole/throw/503").exchange().expectStatus().isEqualTo(503);
        }
        gateway.clock.advance(Duration.ofSeconds(30));
        gateway.client.get().uri("/whole/status/529").exchange().expectStatus().isEqualTo(529);
        assertThat(gateway.breaker("whole", "*").state()).isEqualTo(BreakerState.OPEN);
        gateway.client.get().uri("/whole/status/200").exchange().expectStatus().isEqualTo(503);
    }

    private void tripStatus200Endpoint() {
        Breaker breaker = gateway.registry.breaker("llm", "/status/200");
        for (int i = 0; i < 3; i++) {
            breaker.acquire().onFailure(529);
        }
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        gateway.client.get().uri("/gw/status/200").exchange().expectStatus().isEqualTo(503);
    }
}
