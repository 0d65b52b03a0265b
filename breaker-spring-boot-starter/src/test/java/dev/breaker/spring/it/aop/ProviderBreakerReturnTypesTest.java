package dev.breaker.spring.it.aop;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.it.Upstream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AnnotatedAppTest
class ProviderBreakerReturnTypesTest {

    @Autowired
    ModelClient client;

    @Autowired
    BreakerRegistry registry;

    @Autowired
    ManualClock clock;

    @ParameterizedTest
    @EnumSource(Shape.class)
    void passesTheResultThroughAndCountsASuccess(Shape shape) {
        String model = shape.model("ok");
        answer(model, 200);

        assertThat(shape.call(client, model)).isEqualTo("hello");

        Breaker breaker = registry.provider("llm").find(model);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.totalSuccesses()).isEqualTo(1);
        assertThat(breaker.totalFailures()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void opensAfterTwoOverloadedResponsesAndThenRejectsWithoutCallingUpstream(Shape shape) {
        String model = shape.model("busy");
        answer(model, 529);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> shape.call(client, model)).isNotInstanceOf(BreakerOpenException.class);
        }
        assertThatThrownBy(() -> shape.call(client, model))
                .isInstanceOfSatisfying(BreakerOpenException.class, rejected -> {
                    assertThat(rejected.provider()).isEqualTo("llm");
                    assertThat(rejected.key()).isEqualTo(model);
                    assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(10));
                });

        Breaker breaker = registry.provider("llm").find(model);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.snapshot().lastFailureStatus()).isEqualTo(529);
        assertThat(breaker.totalRejections()).isEqualTo(1);
        Upstream.server().verify(exactly(2), getRequestedFor(urlEqualTo("/models/" + model)));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void closesAfterASuccessfulProbe(Shape shape) {
        String model = shape.model("recovers");
        openBreaker(model);
        answer(model, 200);

        assertThat(shape.call(client, model)).isEqualTo("hello");

        assertThat(registry.provider("llm").find(model).state()).isEqualTo(BreakerState.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void givesTheProbeSlotBackWhenTheProbeSaysNothingAboutTheUpstream(Shape shape) {
        String model = shape.model("bad-request");
        openBreaker(model);
        answer(model, 400);

        assertThatThrownBy(() -> shape.call(client, model)).isNotInstanceOf(BreakerOpenException.class);

        Breaker breaker = registry.provider("llm").find(model);
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.probesInFlight()).isZero();
        assertThat(breaker.totalIgnored()).isEqualTo(1);
        answer(model, 200);
        assertThat(shape.call(client, model)).isEqualTo("hello");
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    /** Two failures recorded straight on the breaker, then the open period elapses: the next call probes. */
    private void openBreaker(String model) {
        Breaker breaker = registry.breaker("llm", model);
        breaker.acquire().onFailure(503);
        breaker.acquire().onFailure(503);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        clock.advance(Duration.ofSeconds(10));
    }

    private static void answer(String model, int status) {
        Upstream.server().stubFor(get("/models/" + model).willReturn(
                status == 200 ? ok("hello").withHeader("Content-Type", "text/plain") : aResponse().withStatus(status)));
    }
}
