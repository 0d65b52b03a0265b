package dev.breaker.spring.provider;

import dev.breaker.core.BreakerConfig;
import dev.breaker.spring.dialect.ErrorFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Inbound requests belong to the provider with the longest {@code path-prefix} that covers whole segments. */
class BreakerProvidersPathMatchTests {

    private final BreakerProviders providers = BreakerProviders.of(List.of(
            provider("gateway", "/gw", true),
            provider("anthropic", "/gw/anthropic", true),
            provider("paused", "/gw/paused", false)));

    @Test
    void matchesWholeSegmentsOnly() {
        assertThat(providers.forPath("/gw/anthropic/v1/messages").provider().name()).isEqualTo("anthropic");
        assertThat(providers.forPath("/gw/anthropicx/v1/messages").provider().name()).isEqualTo("gateway");
        assertThat(providers.forPath("/gwx/v1")).isNull();
    }

    @Test
    void givesTheEndpointBelowThePrefix() {
        assertThat(providers.forPath("/gw/anthropic/v1/messages").endpoint()).isEqualTo("/v1/messages");
        assertThat(providers.forPath("/gw/anthropic").endpoint()).isEqualTo("/");
        assertThat(providers.forPath("/gw/anthropic/").endpoint()).isEqualTo("/");
    }

    @Test
    void matchesNothingOutsideEveryPrefix() {
        assertThat(providers.forPath("/health")).isNull();
        assertThat(providers.forPath("/")).isNull();
    }

    @Test
    void leavesRequestsOfADisabledProviderUntouchedEvenUnderAnEnabledShorterPrefix() {
        assertThat(providers.forPath("/gw/paused/v1/chat")).isNull();
        assertThat(providers.forPath("/gw/pausedx/v1/chat").provider().name()).isEqualTo("gateway");
    }

    @Test
    void letsARootPrefixCoverEveryPath() {
        BreakerProviders root = BreakerProviders.of(List.of(provider("all", "/", true)));
        assertThat(root.forPath("/v1/messages").endpoint()).isEqualTo("/v1/messages");
        assertThat(root.forPath("/").endpoint()).isEqualTo("/");
    }

    private static ProviderSettings provider(String name, String prefix, boolean enabled) {
        return new ProviderSettings(name, enabled, prefix, null, List.of(Scope.ENDPOINT), null, "X-Tenant-Id",
                ErrorFormat.PROBLEM, 503, Set.of(), 32 * 1024 * 1024, true, 100, BreakerConfig.defaults());
    }
}
