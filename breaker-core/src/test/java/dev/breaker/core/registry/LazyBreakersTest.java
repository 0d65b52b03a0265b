package dev.breaker.core.registry;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.BreakerState;
import dev.breaker.core.Permit;
import dev.breaker.core.clock.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calls are admitted without creating a breaker; only an outcome that counts creates one. */
class LazyBreakersTest {

    private final ManualClock clock = new ManualClock();
    private final List<Breaker> created = new ArrayList<>();
    private final ProviderBreakers anthropic;

    LazyBreakersTest() {
        BreakerRegistry registry = BreakerRegistry.builder().clock(clock)
                .provider("anthropic", BreakerConfig.builder().failureThreshold(2).build()).build();
        registry.addRegistryListener(new RegistryListener() {
            @Override
            public void onCreated(Breaker breaker) {
                created.add(breaker);
            }
        });
        anthropic = registry.provider("anthropic");
    }

    @Test
    void callsWhoseOutcomeIsIgnoredLeaveNoBreakerBehind() {
        for (int i = 0; i < 1_000; i++) {
            anthropic.acquire("/no/such/route-" + i).onIgnored();
        }

        assertThat(anthropic.size()).isZero();
        assertThat(created).isEmpty();
        assertThat(anthropic.ignoredWithoutBreaker()).isEqualTo(1_000);
    }

    @Test
    void aReleasedCallWithoutOutcomeLeavesNoBreakerBehind() {
        anthropic.acquire("/v1/messages").release();

        assertThat(anthropic.size()).isZero();
    }

    @Test
    void aSuccessCreatesTheBreakerAndCountsInItsWindow() {
        anthropic.acquire("/v1/messages").onSuccess();

        Breaker breaker = anthropic.find("/v1/messages");
        assertThat(breaker).isNotNull();
        assertThat(breaker.totalSuccesses()).isEqualTo(1);
        assertThat(breaker.snapshot().calls()).isEqualTo(1);
    }

    @Test
    void failuresOnAKeyWithoutABreakerTripIt() {
        Permit first = anthropic.acquire("/v1/messages");
        Permit second = anthropic.acquire("/v1/messages");

        first.onFailure(529);
        second.onFailure(529);

        assertThat(anthropic.find("/v1/messages").state()).isEqualTo(BreakerState.OPEN);
        assertThatThrownBy(() -> anthropic.acquire("/v1/messages")).isInstanceOf(BreakerOpenException.class)
                .satisfies(e -> assertThat(((BreakerOpenException) e).key()).isEqualTo("/v1/messages"));
        assertThat(created).hasSize(1);
    }

    @Test
    void anOutcomeThatArrivesAfterTheBreakerTrippedCountsOnlyInTheTotals() {
        Permit late = anthropic.acquire("/v1/messages");
        Permit a = anthropic.acquire("/v1/messages");
        Permit b = anthropic.acquire("/v1/messages");
        a.onFailure(529);
        b.onFailure(529);

        late.onSuccess();

        Breaker breaker = anthropic.find("/v1/messages");
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.totalSuccesses()).isEqualTo(1);
        assertThat(breaker.totalFailures()).isEqualTo(2);
    }

    @Test
    void anIgnoredOutcomeOnAKeyThatGotABreakerMeanwhileCountsInItsTotals() {
        Permit ignored = anthropic.acquire("/v1/messages");
        anthropic.acquire("/v1/messages").onSuccess();

        ignored.onIgnored();

        assertThat(anthropic.find("/v1/messages").totalIgnored()).isEqualTo(1);
        assertThat(anthropic.ignoredWithoutBreaker()).isZero();
    }

    @Test
    void everyWayToAKeyBoundsItTheSameWay() {
        String longPath = "/v1/" + "x".repeat(5_000);

        anthropic.acquire(longPath).onSuccess();

        Breaker breaker = anthropic.find(longPath);
        assertThat(breaker).isNotNull().isSameAs(anthropic.breaker(longPath));
        assertThat(breaker.id().key()).hasSize(BreakerKeys.MAX_LENGTH).isEqualTo(BreakerKeys.bounded(longPath));
    }
}
