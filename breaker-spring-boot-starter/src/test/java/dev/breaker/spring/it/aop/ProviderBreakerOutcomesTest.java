package dev.breaker.spring.it.aop;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import dev.breaker.core.TransitionReason;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.it.Upstream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.ResponseStatusException;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AnnotatedAppTest
class ProviderBreakerOutcomesTest {

    @Autowired
    ModelClient client;

    @Autowired
    BreakerRegistry registry;

    @Autowired
    ManualClock clock;

    @Test
    void countsTimeoutsAsFailures() {
        StepVerifier.create(client.timesOut("out-timeout")).expectError(TimeoutException.class).verify();

        assertThat(registry.provider("llm").find("out-timeout").totalFailures()).isEqualTo(1);
    }

    @Test
    void ignoresTimeoutsWhereCountTimeoutsIsOff() {
        long ignoredBefore = registry.provider("lenient").ignoredWithoutBreaker();

        StepVerifier.create(client.timesOutLeniently("out-lenient")).expectError(TimeoutException.class).verify();

        assertThat(registry.provider("lenient").find("out-lenient")).as("an ignored call leaves no breaker").isNull();
        assertThat(registry.provider("lenient").ignoredWithoutBreaker()).isEqualTo(ignoredBefore + 1);
    }

    @Test
    void countsRefusedConnectionsAsFailures() {
        assertThatThrownBy(() -> client.unreachable("out-refused"));
        assertThatThrownBy(() -> client.unreachable("out-refused"));

        assertThat(registry.provider("llm").find("out-refused").state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void judgesAResponseStatusExceptionByItsStatus() {
        assertThatThrownBy(() -> client.rejectsWithStatus("out-status", 503)).isInstanceOf(ResponseStatusException.class);
        assertThatThrownBy(() -> client.rejectsWithStatus("out-status", 401)).isInstanceOf(ResponseStatusException.class);

        Breaker breaker = registry.provider("llm").find("out-status");
        assertThat(breaker.totalFailures()).isEqualTo(1);
        assertThat(breaker.totalIgnored()).isEqualTo(1);
    }

    @Test
    void ignoresExceptionsThatSayNothingAboutTheUpstream() {
        registry.breaker("llm", "out-bug").acquire().onSuccess();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.hasABug("out-bug")).isInstanceOf(IllegalStateException.class);
        }

        Breaker breaker = registry.provider("llm").find("out-bug");
        assertThat(breaker.totalIgnored()).isEqualTo(3);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void staysOpenAsLongAsTheUpstreamsRetryAfterAsks() {
        Upstream.server().stubFor(get("/models/out-retry-after")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> client.complete("out-retry-after"));
        assertThatThrownBy(() -> client.complete("out-retry-after"));

        assertThatThrownBy(() -> client.complete("out-retry-after")).isInstanceOfSatisfying(BreakerOpenException.class,
                rejected -> assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
    }

    @Test
    void opensAtOnceOnAnExhaustedQuota() {
        Upstream.server().stubFor(get("/models/out-quota").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                        + "\"code\":\"insufficient_quota\"}}")));

        assertThatThrownBy(() -> client.completeMono("out-quota").block());

        Breaker breaker = registry.provider("llm").find("out-quota");
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.snapshot().reason()).isEqualTo(TransitionReason.QUOTA);
    }

    @Test
    void ignoresACancelledCall() {
        registry.breaker("llm", "out-cancelled");

        StepVerifier.create(client.never("out-cancelled")).thenCancel().verify();

        Breaker breaker = registry.provider("llm").find("out-cancelled");
        assertThat(breaker.totalIgnored()).isEqualTo(1);
        assertThat(breaker.totalFailures()).isZero();
    }

    @Test
    void givesTheProbeSlotOfACancelledCallBack() {
        Breaker breaker = registry.breaker("llm", "out-cancelled-probe");
        breaker.acquire().onFailure(503);
        breaker.acquire().onFailure(503);
        clock.advance(Duration.ofSeconds(10));

        StepVerifier.create(client.never("out-cancelled-probe")).thenCancel().verify();

        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.probesInFlight()).isZero();
        assertThat(breaker.tryAcquire()).isNotNull();
    }

    @Test
    void asksTheBreakerOnSubscriptionNotWhenTheMethodIsCalled() {
        var mono = client.never("out-lazy");

        assertThat(registry.provider("llm").find("out-lazy")).isNull();
        registry.breaker("llm", "out-lazy").forceOpen();
        StepVerifier.create(mono).expectError(BreakerOpenException.class).verify();
    }
}
