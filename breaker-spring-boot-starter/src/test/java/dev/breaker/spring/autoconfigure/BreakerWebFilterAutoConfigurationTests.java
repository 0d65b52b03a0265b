package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.web.server.BreakerWebFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerWebFilterAutoConfigurationTests {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class, BreakerWebFilterAutoConfiguration.class))
            .withPropertyValues("breaker.providers.anthropic.path-prefix=/anthropic");

    @Test
    void autoConfiguresTheWebFilter() {
        runner.run(context -> assertThat(context).hasSingleBean(BreakerWebFilter.class));
    }

    @Test
    void allowsCustomWebFilter() {
        BreakerWebFilter custom = new BreakerWebFilter(new BreakerProviders(Map.of()),
                BreakerRegistry.builder().build());
        runner.withBean("customFilter", BreakerWebFilter.class, () -> custom).run(context -> {
            assertThat(context).hasSingleBean(BreakerWebFilter.class);
            assertThat(context.getBean(BreakerWebFilter.class)).isSameAs(custom);
        });
    }

    @Test
    void configuresNoFilterWhenDisabled() {
        runner.withPropertyValues("breaker.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(BreakerWebFilter.class));
    }

    @Test
    void configuresNoFilterOutsideAReactiveWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class, BreakerWebFilterAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(BreakerRegistry.class);
                    assertThat(context).doesNotHaveBean(BreakerWebFilter.class);
                });
    }
}
