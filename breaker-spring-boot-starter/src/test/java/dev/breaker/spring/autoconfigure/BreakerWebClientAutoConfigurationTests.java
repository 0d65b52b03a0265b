package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.outbound.OutboundGuard;
import dev.breaker.spring.web.client.BreakerExchangeFilterFunction;
import dev.breaker.spring.web.client.BreakerWebClientCustomizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerWebClientAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class,
                    BreakerOutboundGuardAutoConfiguration.class,
                    BreakerWebClientAutoConfiguration.class, WebClientAutoConfiguration.class))
            .withPropertyValues("breaker.providers.anthropic.base-url=https://api.anthropic.com");

    @Test
    void autoConfiguresExchangeFilterFunction() {
        contextRunner.run(context -> assertThat(context).hasSingleBean(BreakerExchangeFilterFunction.class));
    }

    @Test
    void allowsCustomExchangeFilterFunction() {
        contextRunner.withUserConfiguration(CustomFilter.class).run(context -> {
            assertThat(context).hasSingleBean(BreakerExchangeFilterFunction.class);
            assertThat(context).getBean(BreakerExchangeFilterFunction.class).isSameAs(context.getBean("customFilter"));
            assertThat(filtersOf(context.getBean(WebClient.Builder.class)))
                    .contains(context.getBean("customFilter", ExchangeFilterFunction.class));
        });
    }

    @Test
    void autoConfiguresWebClientCustomizer() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(BreakerWebClientCustomizer.class);
            assertThat(filtersOf(context.getBean(WebClient.Builder.class)))
                    .containsExactly(context.getBean(BreakerExchangeFilterFunction.class));
        });
    }

    @Test
    void allowsCustomWebClientCustomizer() {
        contextRunner.withUserConfiguration(CustomCustomizer.class).run(context -> {
            assertThat(context).hasSingleBean(BreakerWebClientCustomizer.class);
            assertThat(context).getBean(BreakerWebClientCustomizer.class).isSameAs(context.getBean("customCustomizer"));
        });
    }

    @Test
    void addsTheFilterOnlyOnceToABuilder() {
        contextRunner.run(context -> {
            WebClient.Builder builder = context.getBean(WebClient.Builder.class);
            context.getBean(BreakerWebClientCustomizer.class).customize(builder);

            assertThat(filtersOf(builder)).hasSize(1);
        });
    }

    @Test
    void keepsTheFilterForHandBuiltClientsWithoutSpringBootsWebClientModule() {
        contextRunner.withClassLoader(new FilteredClassLoader(WebClientCustomizer.class)).run(context -> {
            assertThat(context).hasSingleBean(BreakerExchangeFilterFunction.class);
            assertThat(context).doesNotHaveBean(BreakerWebClientCustomizer.class);
        });
    }

    @Test
    void backsOffWithoutWebClient() {
        contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class)).run(context -> {
            assertThat(context).hasSingleBean(BreakerRegistry.class);
            assertThat(context).doesNotHaveBean(BreakerExchangeFilterFunction.class);
            assertThat(context).doesNotHaveBean(BreakerWebClientCustomizer.class);
        });
    }

    @Test
    void keepsTheFilterForHandBuiltClientsWhenBreakersAreDisabled() {
        contextRunner.withPropertyValues("breaker.enabled=false").run(context -> {
            assertThat(context).hasSingleBean(BreakerExchangeFilterFunction.class);
            assertThat(filtersOf(context.getBean(WebClient.Builder.class)))
                    .containsExactly(context.getBean(BreakerExchangeFilterFunction.class));
        });
    }

    private static List<ExchangeFilterFunction> filtersOf(WebClient.Builder builder) {
        List<ExchangeFilterFunction> filters = new ArrayList<>();
        builder.filters(filters::addAll);
        return filters;
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomFilter {

        @Bean
        BreakerExchangeFilterFunction customFilter(OutboundGuard guard) {
            return new BreakerExchangeFilterFunction(guard);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomCustomizer {

        @Bean
        BreakerWebClientCustomizer customCustomizer(BreakerExchangeFilterFunction filter) {
            return new BreakerWebClientCustomizer(filter);
        }
    }
}
