package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.metrics.BreakerMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    BreakerAutoConfiguration.class, BreakerMetricsAutoConfiguration.class))
            .withPropertyValues("breaker.providers.openai.failure-threshold=3",
                    "breaker.providers.tenants.key-tag=false");

    @Test
    void autoConfiguresMetersBoundToTheApplicationsMeterRegistry() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(BreakerMeters.class);
            context.getBean(BreakerRegistry.class).breaker("openai", "/v1/chat/completions").acquire().onSuccess();

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("breaker.calls").tags("provider", "openai", "key", "/v1/chat/completions",
                    "outcome", "success").functionCounter().count()).isEqualTo(1);
            assertThat(meters.get("breaker.state").tags("provider", "tenants", "key", "*").gauge().value()).isZero();
        });
    }

    @Test
    void allowsCustomMeters() {
        runner.withBean("customMeters", BreakerMeters.class,
                        () -> new BreakerMeters(BreakerRegistry.builder().build(), Map.of()))
                .run(context -> assertThat(context).getBean(BreakerMeters.class)
                        .isSameAs(context.getBean("customMeters")));
    }

    @Test
    void registersNoMetersWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context -> {
            assertThat(context).hasSingleBean(BreakerRegistry.class);
            assertThat(context).doesNotHaveBean(BreakerMeters.class);
        });
    }
}
