package dev.breaker.spring.web.server;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerState;
import dev.breaker.spring.provider.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A half-open probe slot always comes back, exactly once, however the request ends. */
class BreakerWebFilterReleaseTests {

    private final InboundFixture gateway = new InboundFixture(
            TestProvider.named("whole").pathPrefix("/whole").scopes(Scope.PROVIDER).breaker(b -> b.halfOpenMaxCalls(2)).build());

    private final Breaker breaker = gateway.registry.breaker("whole", "*");

    @Test
    void givesTheSlotBackWhenTheClientGoesAway() {
        halfOpen();
        long ignored = breaker.totalIgnored();
        Disposable call = gateway.filter.filter(exchange(), served -> Mono.never()).subscribe();
        assertThat(breaker.probesInFlight()).isOne();
        call.dispose();
        assertThat(breaker.probesInFlight()).isZero();
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.totalIgnored()).isEqualTo(ignored + 1);
    }

    @Test
    void givesTheSlotBackWhenTheChainThrows() {
        halfOpen();
        MockServerWebExchange exchange = exchange();
        Mono<Void> call = gateway.filter.filter(exchange, served -> {
            throw new IllegalStateException("filter bug");
        });
        call.onErrorResume(error -> exchange.getResponse().setComplete()).block();
        assertThat(breaker.probesInFlight()).isZero();
        assertThat(breaker.totalSuccesses()).as("an unhandled 200").isOne();
    }

    @Test
    void reportsOnceEvenWhenTheResponseCommitsAfterTheChainCompletes() {
        halfOpen();
        MockServerWebExchange exchange = exchange();
        gateway.filter.filter(exchange, served -> Mono.empty()).block();
        assertThat(breaker.probesInFlight()).as("reported on commit, not before").isOne();
        exchange.getResponse().setComplete().block();
        exchange.getResponse().setComplete().block();
        assertThat(breaker.probesInFlight()).isZero();
        assertThat(breaker.totalSuccesses()).isOne();
        assertThat(breaker.state()).as("one success of the two that close it").isEqualTo(BreakerState.HALF_OPEN);
    }

    @Test
    void judgesAStatusTheHandlerCompletesWithoutABodyBeforeItCommits() {
        MockServerWebExchange exchange = exchange();
        gateway.filter.filter(exchange, served -> {
            served.getResponse().setStatusCode(HttpStatusCode.valueOf(529));
            return served.getResponse().setComplete();
        }).block();
        assertThat(breaker.totalFailures()).isOne();
        assertThat(breaker.snapshot().lastFailureStatus()).isEqualTo(529);
    }

    @Test
    void judgesTheAnswerAnErrorHandlerCommitsLaterOnAnotherThread() {
        halfOpen();
        MockServerWebExchange exchange = exchange();
        gateway.filter.filter(exchange, served -> Mono.error(new IllegalStateException("upstream gone")))
                .onErrorResume(error -> Mono.delay(Duration.ofMillis(20)).then(Mono.defer(() -> {
                    exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
                    return exchange.getResponse().setComplete();
                })))
                .block();
        assertThat(breaker.probesInFlight()).isZero();
        assertThat(breaker.state()).as("the probe failed with the error handler's 503").isEqualTo(BreakerState.OPEN);
        assertThat(breaker.snapshot().lastFailureStatus()).isEqualTo(503);
    }

    private void halfOpen() {
        for (int i = 0; i < 3; i++) {
            breaker.acquire().onFailure(529);
        }
        gateway.clock.advance(Duration.ofSeconds(30));
        breaker.acquire().release();
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.probesInFlight()).isZero();
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/whole/v1/messages"));
    }
}
