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

/** The eviction order of a full provider, as {@link ProviderBreakers} documents it. */
class EvictionTest {

    private static final Duration OPEN_FOR = Duration.ofSeconds(60);

    private final ManualClock clock = new ManualClock();
    private final List<String> evicted = new ArrayList<>();
    private final ProviderBreakers provider;

    EvictionTest() {
        BreakerRegistry registry = BreakerRegistry.builder().clock(clock)
                .provider("anthropic", BreakerConfig.builder().failureThreshold(3).maxBreakers(10)
                        .openDuration(OPEN_FOR).build())
                .build();
        registry.addRegistryListener(new RegistryListener() {
            @Override
            public void onEvicted(Breaker breaker) {
                evicted.add(breaker.id().key());
            }
        });
        provider = registry.provider("anthropic");
    }

    @Test
    void aClosedBreakerInUseStillTripsWhileOpenBreakersFillTheProvider() {
        fillWithOpenBreakers(9);
        int newKey = 0;

        for (int failure = 0; failure < 3; failure++) {
            provider.acquire("victim").onFailure(529); // used every 600 ms, while new keys come every 200 ms
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofMillis(200));
                provider.acquire("new-" + newKey++).onSuccess();
            }
        }
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMillis(200));
            provider.acquire("new-" + newKey++).onSuccess();
        }

        assertThat(evicted).as("the new keys that went unused for a second go first").contains("new-0")
                .doesNotContain("victim");
        assertThat(provider.find("victim").state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void anOpenBreakerWhoseOpenPeriodIsOverAndThatSeesNoTrafficCanBeDropped() {
        fillWithOpenBreakers(10);
        clock.advance(Duration.ofSeconds(30));
        provider.acquire("new-during-the-outage").onSuccess();
        assertThat(evicted).as("open periods not over: nothing may go").isEmpty();

        clock.advance(OPEN_FOR);
        provider.acquire("new-after-the-outage").onSuccess();

        assertThat(evicted).isNotEmpty().allMatch(key -> key.startsWith("open-"));
        assertThat(provider.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void aBreakerIsNeverDroppedInItsFirstMoments() {
        for (int i = 0; i < 10; i++) {
            provider.acquire("young-" + i).onSuccess();
            clock.advance(Duration.ofMillis(50));
        }

        provider.acquire("one-more").onSuccess();

        assertThat(evicted).isEmpty();
        assertThat(provider.size()).isEqualTo(11);
    }

    @Test
    void theLeastRecentlyUsedGoFirstAndNeverMoreThanHalfOfThoseThatCanGo() {
        for (int i = 0; i < 10; i++) {
            provider.acquire("k" + i).onSuccess();
            clock.advance(ProviderBreakers.RECENT);
        }
        provider.acquire("k0").onSuccess(); // k0 is now the most recently used
        clock.advance(ProviderBreakers.RECENT);

        provider.acquire("k10").onSuccess();

        assertThat(evicted).containsExactly("k1");
        assertThat(provider.find("k0")).isNotNull();
    }

    @Test
    void atTwiceMaxBreakersEvenRecentlyUsedBreakersGoLeastRecentlyUsedFirst() {
        for (int i = 0; i < 20; i++) {
            provider.acquire("k" + i).onSuccess();
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(evicted).isEmpty();

        provider.acquire("k20").onSuccess();

        assertThat(evicted).isNotEmpty().startsWith("k0");
        assertThat(provider.size()).isLessThanOrEqualTo(20);
    }

    @Test
    void forcedBreakersAndProbingBreakersNeverGo() {
        provider.breaker("forced").forceClosed();
        Breaker probing = provider.breaker("probing");
        for (int i = 0; i < 3; i++) {
            probing.acquire().onFailure(529);
        }
        clock.advance(OPEN_FOR);
        probing.acquire(); // a probe in flight
        for (int i = 0; i < 30; i++) {
            clock.advance(ProviderBreakers.RECENT);
            provider.acquire("k" + i).onSuccess();
        }

        assertThat(evicted).doesNotContain("forced", "probing");
        assertThat(provider.find("probing").probesInFlight()).isEqualTo(1);
    }

    private void fillWithOpenBreakers(int count) {
        for (int i = 0; i < count; i++) {
            for (int failure = 0; failure < 3; failure++) {
                provider.acquire("open-" + i).onFailure(529);
            }
        }
        assertThat(provider.breakers()).allMatch(breaker -> breaker.state() == BreakerState.OPEN);
    }
}
