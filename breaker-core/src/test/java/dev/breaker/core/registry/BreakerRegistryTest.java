package dev.breaker.core.registry;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerState;
import dev.breaker.core.clock.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreakerRegistryTest {

    private final ManualClock clock = new ManualClock();
    private final List<Breaker> evicted = new ArrayList<>();

    private BreakerRegistry registry(int maxBreakers) {
        BreakerRegistry registry = BreakerRegistry.builder().clock(clock)
                .provider("anthropic", BreakerConfig.builder().failureThreshold(1).maxBreakers(maxBreakers).build())
                .provider("openai", BreakerConfig.defaults())
                .build();
        registry.addRegistryListener(new RegistryListener() {
            @Override
            public void onEvicted(Breaker breaker) {
                evicted.add(breaker);
            }
        });
        return registry;
    }

    @Test
    void createsBreakersLazilyAndOncePerKey() {
        BreakerRegistry registry = registry(10);

        assertThat(registry.provider("anthropic").size()).isZero();
        Breaker first = registry.breaker("anthropic", "/v1/messages");

        assertThat(registry.breaker("anthropic", "/v1/messages")).isSameAs(first);
        assertThat(registry.provider("anthropic").size()).isEqualTo(1);
    }

    @Test
    void twoProvidersNeverShareABreakerForTheSameKey() {
        BreakerRegistry registry = registry(10);

        assertThat(registry.breaker("anthropic", "/v1/models")).isNotSameAs(registry.breaker("openai", "/v1/models"));
    }

    @Test
    void anUnknownProviderIsAClearError() {
        assertThatThrownBy(() -> registry(10).breaker("mistral", "*"))
                .isInstanceOf(UnknownProviderException.class)
                .hasMessageContaining("mistral").hasMessageContaining("anthropic").hasMessageContaining("openai");
    }

    @Test
    void dropsTheLeastRecentlyUsedClosedBreakerBeyondMaxBreakers() {
        BreakerRegistry registry = registry(3);
        Breaker a = registry.breaker("anthropic", "a");
        clock.advance(ProviderBreakers.RECENT);
        registry.breaker("anthropic", "b");
        clock.advance(ProviderBreakers.RECENT);
        registry.breaker("anthropic", "c");
        clock.advance(ProviderBreakers.RECENT);
        registry.breaker("anthropic", "a"); // a is now the most recently used
        clock.advance(ProviderBreakers.RECENT);

        registry.breaker("anthropic", "d");

        ProviderBreakers anthropic = registry.provider("anthropic");
        assertThat(anthropic.find("b")).isNull();
        assertThat(anthropic.find("a")).isSameAs(a);
        assertThat(anthropic.size()).isEqualTo(3);
        assertThat(evicted).extracting(breaker -> breaker.id().key()).containsExactly("b");
    }

    @Test
    void neverDropsAnOpenOrForcedBreaker() {
        BreakerRegistry registry = registry(2);
        registry.breaker("anthropic", "open").acquire().onFailure(529);
        registry.breaker("anthropic", "forced").forceClosed();

        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(1));
            registry.breaker("anthropic", "tenant-" + i);
        }

        ProviderBreakers anthropic = registry.provider("anthropic");
        assertThat(anthropic.find("open").state()).isEqualTo(BreakerState.OPEN);
        assertThat(anthropic.find("forced").isForced()).isTrue();
    }

    @Test
    void staysBoundedUnderAFloodOfAMillionDistinctKeysInOneSecond() {
        BreakerRegistry registry = BreakerRegistry.builder().clock(clock)
                .provider("tenants", BreakerConfig.builder().maxBreakers(10_000).build()).build();
        ProviderBreakers tenants = registry.provider("tenants");

        for (int i = 0; i < 1_000_000; i++) {
            tenants.acquire("tenant-" + i).onSuccess();
            if (i % 1000 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
        }

        // Every breaker was used within the last second, so they may fill twice the bound, never more.
        assertThat(tenants.size()).isLessThanOrEqualTo(20_000);
        assertThat(tenants.find("tenant-999999")).isNotNull();
    }

    @Test
    void staysWithinMaxBreakersUnderASteadyFloodOfDistinctKeys() {
        BreakerRegistry registry = BreakerRegistry.builder().clock(clock)
                .provider("tenants", BreakerConfig.builder().maxBreakers(1_000).build()).build();
        ProviderBreakers tenants = registry.provider("tenants");

        for (int i = 0; i < 200_000; i++) {
            tenants.acquire("tenant-" + i).onSuccess();
            clock.advance(Duration.ofMillis(10)); // 100 new keys a second: fewer than max-breakers per second
        }

        assertThat(tenants.size()).isLessThanOrEqualTo(1_000);
        assertThat(tenants.find("tenant-199999")).isNotNull();
    }
}
