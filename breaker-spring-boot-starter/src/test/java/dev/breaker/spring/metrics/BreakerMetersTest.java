package dev.breaker.spring.metrics;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.CallResult;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerMetersTest {

    private final ManualClock clock = new ManualClock();
    private final BreakerRegistry registry = BreakerRegistry.builder().clock(clock)
            .provider("anthropic", BreakerConfig.builder().failureThreshold(2).openDuration(Duration.ofSeconds(30))
                    .halfOpenMaxCalls(1).maxBreakers(2).build())
            .provider("tenants", BreakerConfig.builder().failureThreshold(1).maxBreakers(2).build())
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
        clock.advance(Duration.ofMillis(1));
        registry.breaker("anthropic", "/b");
        clock.advance(Duration.ofMillis(1));

        registry.breaker("anthropic", "/c");

        assertThat(meters.find("breaker.state").tag("key", "/a").meters()).isEmpty();
        assertThat(meters.find("breaker.calls").tag("key", "/a").meters()).isEmpty();
        assertThat(meters.find("breaker.state").tag("provider", "anthropic").meters())
                .extracting(meter -> meter.getId().getTag("key")).containsExactlyInAnyOrder("/b", "/c");
    }

    @Test
    void sumsAProviderWithoutKeyTagUnderKeyStarAndNeverCountsBackwards() {
        bind();
        registry.breaker("tenants", "acme").acquire().onFailure(503);
        clock.advance(Duration.ofMillis(1));
        registry.breaker("tenants", "globex").acquire().onSuccess();
        assertThat(state("tenants", "*")).isEqualTo(1.0);
        assertThat(calls("tenants", "*", "failure")).isEqualTo(1);
        assertThat(counter("breaker.trips", "tenants", "*")).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        registry.breaker("tenants", "initech").acquire().onSuccess();
        clock.advance(Duration.ofMillis(1));
        registry.breaker("tenants", "umbrella").acquire().onSuccess();

        assertThat(registry.provider("tenants").find("globex")).isNull();
        assertThat(calls("tenants", "*", "success")).isEqualTo(3);
        assertThat(meters.find("breaker.calls").tag("provider", "tenants").meters())
                .extracting(meter -> meter.getId().getTag("key")).containsOnly("*");
    }

    private void bind() {
        new BreakerMeters(registry, Set.of("tenants")).bindTo(meters);
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
