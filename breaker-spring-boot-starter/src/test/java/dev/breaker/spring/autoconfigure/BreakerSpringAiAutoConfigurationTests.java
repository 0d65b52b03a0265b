package dev.breaker.spring.autoconfigure;

import dev.breaker.spring.llm.BreakerOkHttpInterceptor;
import dev.breaker.spring.llm.SpringAiAnthropicBreakerCustomizer;
import dev.breaker.spring.llm.SpringAiOpenAiBreakerCustomizer;
import dev.breaker.spring.outbound.OutboundGuard;
import org.junit.jupiter.api.Test;
import org.springframework.ai.anthropic.http.okhttp.AnthropicHttpClientBuilderCustomizer;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerSpringAiAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class,
                    BreakerOutboundGuardAutoConfiguration.class, BreakerSpringAiAutoConfiguration.class))
            .withPropertyValues("breaker.providers.anthropic.base-url=https://api.anthropic.com");

    @Test
    void autoConfiguresSpringAiAnthropicBreakerCustomizer() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(SpringAiAnthropicBreakerCustomizer.class);
            // Spring AI's auto-configuration applies every bean of this type to its model's HTTP clients.
            assertThat(context).getBeans(AnthropicHttpClientBuilderCustomizer.class).hasSize(1);
        });
    }

    @Test
    void allowsCustomSpringAiAnthropicBreakerCustomizer() {
        contextRunner.withUserConfiguration(CustomCustomizers.class).run(context -> {
            assertThat(context).hasSingleBean(SpringAiAnthropicBreakerCustomizer.class);
            assertThat(context).getBean(SpringAiAnthropicBreakerCustomizer.class)
                    .isSameAs(context.getBean("customAnthropic"));
        });
    }

    @Test
    void autoConfiguresSpringAiOpenAiBreakerCustomizer() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(SpringAiOpenAiBreakerCustomizer.class);
            assertThat(context).getBeans(OpenAiHttpClientBuilderCustomizer.class).hasSize(1);
        });
    }

    @Test
    void allowsCustomSpringAiOpenAiBreakerCustomizer() {
        contextRunner.withUserConfiguration(CustomCustomizers.class).run(context -> {
            assertThat(context).hasSingleBean(SpringAiOpenAiBreakerCustomizer.class);
            assertThat(context).getBean(SpringAiOpenAiBreakerCustomizer.class).isSameAs(context.getBean("customOpenAi"));
        });
    }

    @Test
    void eachSpringAiModelNeedsOnlyItsOwnLibrary() {
        contextRunner.withClassLoader(new FilteredClassLoader(AnthropicHttpClientBuilderCustomizer.class)).run(context -> {
            assertThat(context).doesNotHaveBean(SpringAiAnthropicBreakerCustomizer.class);
            assertThat(context).hasSingleBean(SpringAiOpenAiBreakerCustomizer.class);
        });
        contextRunner.withClassLoader(new FilteredClassLoader(OpenAiHttpClientBuilderCustomizer.class)).run(context -> {
            assertThat(context).hasSingleBean(SpringAiAnthropicBreakerCustomizer.class);
            assertThat(context).doesNotHaveBean(SpringAiOpenAiBreakerCustomizer.class);
        });
    }

    @Test
    void backsOffWithoutSpringAi() {
        contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.ai")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SpringAiAnthropicBreakerCustomizer.class);
            assertThat(context).doesNotHaveBean(SpringAiOpenAiBreakerCustomizer.class);
        });
    }

    @Test
    void keepsTheCustomizersAsPassThroughsWhenTheBreakersAreDisabled() {
        contextRunner.withPropertyValues("breaker.enabled=false").run(context -> {
            assertThat(context).hasSingleBean(SpringAiAnthropicBreakerCustomizer.class);
            assertThat(context).hasSingleBean(SpringAiOpenAiBreakerCustomizer.class);
            assertThat(context.getBean(OutboundGuard.class).start(java.net.URI.create("https://api.anthropic.com/v1/messages"),
                    "anthropic", () -> null, name -> null)).as("nothing guarded").isNull();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomCustomizers {

        @Bean
        SpringAiAnthropicBreakerCustomizer customAnthropic(OutboundGuard guard) {
            return new SpringAiAnthropicBreakerCustomizer(new BreakerOkHttpInterceptor(guard, "anthropic"));
        }

        @Bean
        SpringAiOpenAiBreakerCustomizer customOpenAi(OutboundGuard guard) {
            return new SpringAiOpenAiBreakerCustomizer(new BreakerOkHttpInterceptor(guard, "anthropic"));
        }
    }
}
