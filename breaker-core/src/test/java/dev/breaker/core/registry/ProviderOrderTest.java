package dev.breaker.core.registry;

import dev.breaker.core.BreakerConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderOrderTest {

    @Test
    void keepsProvidersInTheOrderTheyWereConfigured() {
        List<String> names = new ArrayList<>();
        BreakerRegistry.Builder builder = BreakerRegistry.builder();
        for (int i = 0; i < 20; i++) {
            String name = "provider-" + (char) ('t' - i);
            names.add(name);
            builder.provider(name, BreakerConfig.defaults());
        }

        BreakerRegistry registry = builder.build();

        assertThat(registry.providerNames()).containsExactlyElementsOf(names);
        assertThat(registry.providers()).extracting(ProviderBreakers::provider).containsExactlyElementsOf(names);
    }
}
