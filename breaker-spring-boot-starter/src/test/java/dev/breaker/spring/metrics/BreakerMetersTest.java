package dev.breaker.spring.metrics;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.CallResult;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerMetersTest {

    private final ManualClock clock = new ManualClock();
    private final BreakerRegistry registry = BreakerRegistry.builder().clock(clock)
            .provider("anthropic", BreakerConfig.builder().failureThreshold(2).openDuration(Duration.ofSeconds(30))
                    .halfOpenMaxCalls(1).maxBreakers(2).build())
            .provider("tenants", BreakerConfig.builder().failureThreshold(1).maxBreakers(2).build())
            .build();
    private final BreakerRegistry limited = BreakerRegistry.builder().clock(clock)
            .provider("models", BreakerConfig.builder().failureThreshold(5).maxBreakers(100).build())
            .build();
    private final BreakerRegistry small = BreakerRegistry.builder().clock(clock)
            .provider("models", BreakerConfig.builder().failureThreshold(5).maxBreakers(2).build())
            .build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void followsABreakerThroughTheWholeCycle() {
        bind();
        Breaker breaker = registry.breaker("anthropic", "/v1/messages");
        assertThat(state("anthropic", "/v1/messages")).isEqualTo(0.0);

        breaker.acquire().onFailure(529);
        breaker.acquire().onFailure(529);
        assertThat(state("anthropic", "/v1/messages")).isEqualTo(1.0);
        assertThat(breaker.tryAcquire()).isNull();
        assertThat(breaker.tryAcquire()).isNull();

        clock.advance(Duration.ofSeconds(30));
        var probe = breaker.acquire();
        assertThat(state("anthropic", "/v1/messages")).isEqualTo(0.5);
        probe.onSuccess();
        assertThat(state("anthropic", "/v1/messages")).isEqualTo(0.0);

        assertThat(counter("breaker.trips", "anthropic", "/v1/messages")).isEqualTo(1);
        assertThat(counter("breaker.rejections", "anthropic", "/v1/messages")).isEqualTo(2);
        assertThat(calls("anthropic", "/v1/messages", "failure")).isEqualTo(2);
        assertThat(calls("anthropic", "/v1/messages", "success")).isEqualTo(1);
        assertThat(calls("anthropic", "/v1/messages", "ignored")).isZero();
    }

    @Test
    void aBreakersMetersStillReadItAfterAGarbageCollection() {
        bind();
        registry.breaker("anthropic", "/v1/after-gc").acquire().onFailure(503);

        for (int i = 0; i < 3; i++) {
            System.gc(); // a meter that held its readings weakly would read NaN from here on
        }

        assertThat(calls("anthropic", "/v1/after-gc", "failure")).isEqualTo(1);
        assertThat(state("anthropic", "/v1/after-gc")).isZero();
    }

    @Test
    void countsIgnoredCalls() {
        bind();
        Breaker breaker = registry.breaker("anthropic", "/v1/models");

        breaker.acquire().onResult(CallResult.IGNORED);
        breaker.acquire().onFailure(401);

        assertThat(calls("anthropic", "/v1/models", "ignored")).isEqualTo(1);
        assertThat(calls("anthropic", "/v1/models", "failure")).isEqualTo(1);
    }

    @Test
    void registersBreakersThatExistedBeforeBinding() {
        registry.breaker("anthropic", "/early").acquire().onSuccess();

        bind();

        assertThat(calls("anthropic", "/early", "success")).isEqualTo(1);
    }

    @Test
    void removesTheMetersOfAnEvictedBreaker() {
        bind();
        registry.breaker("anthropic", "/a");
        clock.advance(ProviderBreakers.RECENT);
        registry.breaker("anthropic", "/b");
        clock.advance(ProviderBreakers.RECENT);

        registry.breaker("anthropic", "/c");

        assertThat(meters.find("breaker.state").tag("key", "/a").meters()).isEmpty();
        assertThat(meters.find("breaker.calls").tag("key", "/a").meters()).isEmpty();
        assertThat(meters.find("breaker.state").tag("provider", "anthropic").meters())
                .extracting(meter -> meter.getId().getTag("key")).containsExactlyInAnyOrder("/b", "/c", "_other");
    }

    @Test
    void sumsAProviderWithoutKeyTagUnderKeyStarAndNeverCountsBackwards() {
        bind();
        registry.breaker("tenants", "acme").acquire().onFailure(503);
        clock.advance(ProviderBreakers.RECENT);
        registry.breaker("tenants", "globex").acquire().onSuccess();
        assertThat(state("tenants", "*")).isEqualTo(1.0);
        assertThat(calls("tenants", "*", "failure")).isEqualTo(1);
        assertThat(counter("breaker.trips", "tenants", "*")).isEqualTo(1);

        clock.advance(ProviderBreakers.RECENT);
        registry.breaker("tenants", "initech").acquire().onSuccess();
        clock.advance(ProviderBreakers.RECENT);
        registry.breaker("tenants", "umbrella").acquire().onSuccess();

        assertThat(registry.provider("tenants").find("globex")).isNull();
        assertThat(calls("tenants", "*", "success")).isEqualTo(3);
        assertThat(meters.find("breaker.calls").tag("provider", "tenants").meters())
                .extracting(meter -> meter.getId().getTag("key")).containsOnly("*");
    }

    @Test
    void givesAtMostKeySeriesLimitKeysSeriesOfTheirOwnAndSumsTheRestUnderOther() {
        new BreakerMeters(limited, Map.of("models", new BreakerMeters.KeySeries(3, BreakerMeters.OTHER_KEYS)))
                .bindTo(meters);

        for (int i = 0; i < 50; i++) {
            limited.provider("models").acquire("model-" + i).onSuccess();
        }
        limited.provider("models").acquire("model-49").onFailure(529);
        limited.provider("models").acquire("/no/such/route").onIgnored();

        assertThat(meters.find("breaker.state").tag("provider", "models").meters())
                .extracting(meter -> meter.getId().getTag("key"))
                .containsExactlyInAnyOrder("model-0", "model-1", "model-2", "_other");
        assertThat(meters.find("breaker.calls").tag("provider", "models").meters()).hasSize(4 * 3);
        assertThat(calls("models", "_other", "success")).isEqualTo(47);
        assertThat(calls("models", "_other", "failure")).isEqualTo(1);
        assertThat(calls("models", "_other", "ignored")).as("ignored without a breaker").isEqualTo(1);
        assertThat(search("breaker.state", "models", "_other").gauge().value()).isEqualTo(0.0);
    }

    @Test
    void aKeyThatLeavesFreesItsPlaceForANewKeyWhileTheOtherSumNeverGoesDown() {
        new BreakerMeters(small, Map.of("models", new BreakerMeters.KeySeries(1, BreakerMeters.OTHER_KEYS)))
                .bindTo(meters);
        ProviderBreakers models = small.provider("models");
        models.acquire("first").onSuccess();
        models.acquire("second").onSuccess();
        models.acquire("second").onSuccess();
        double previous = calls("models", "_other", "success");
        for (int i = 0; i < 30; i++) {
            clock.advance(ProviderBreakers.RECENT);
            models.acquire("later-" + i).onSuccess();
            double now = calls("models", "_other", "success");
            assertThat(now).as("the _other sum never goes down").isGreaterThanOrEqualTo(previous);
            previous = now;
        }

        assertThat(models.find("first")).as("evicted").isNull();
        assertThat(models.find("second")).as("evicted").isNull();
        assertThat(meters.find("breaker.state").tag("provider", "models").meters())
                .extracting(meter -> meter.getId().getTag("key")).hasSize(2).contains("_other")
                .as("the place 'first' left went to a later key").anyMatch(key -> key.startsWith("later-"));
        assertThat(previous).as("second's successes stay summed after it left").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBreakerWhoseKeyIsTheSharedKeyIsSummedIntoIt() {
        new BreakerMeters(limited, Map.of("models", new BreakerMeters.KeySeries(3, BreakerMeters.OTHER_KEYS)))
                .bindTo(meters);

        limited.provider("models").acquire("_other").onFailure(529);

        assertThat(meters.find("breaker.state").tag("provider", "models").meters()).hasSize(1);
        assertThat(calls("models", "_other", "failure")).isEqualTo(1);
    }

    private void bind() {
        new BreakerMeters(registry, Map.of("tenants", new BreakerMeters.KeySeries(0, "*"))).bindTo(meters);
    }

    private double state(String provider, String key) {
        return search("breaker.state", provider, key).gauge().value();
    }

    private double counter(String name, String provider, String key) {
        return search(name, provider, key).functionCounter().count();
    }

    private double calls(String provider, String key, String outcome) {
        return search("breaker.calls", provider, key).tag("outcome", outcome).functionCounter().count();
    }

    private Search search(String name, String provider, String key) {
        return meters.find(name).tag("provider", provider).tag("key", key);
    }
}
