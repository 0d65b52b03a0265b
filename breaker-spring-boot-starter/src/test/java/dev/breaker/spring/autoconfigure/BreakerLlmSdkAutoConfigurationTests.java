package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.UnknownProviderException;
import dev.breaker.spring.llm.AnthropicBreakerInterceptor;
import dev.breaker.spring.llm.LangChain4jBreakers;
import dev.breaker.spring.llm.OpenAiBreakers;
import dev.breaker.spring.outbound.OutboundGuard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbound guard and the beans for the Anthropic and OpenAI SDKs and LangChain4j. */
class BreakerLlmSdkAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class,
                    BreakerOutboundGuardAutoConfiguration.class, BreakerAnthropicSdkAutoConfiguration.class,
                    BreakerOpenAiSdkAutoConfiguration.class, BreakerLangChain4jAutoConfiguration.class))
            .withPropertyValues("breaker.providers.openai.base-url=https://api.openai.com/v1");

    @Test
    void autoConfiguresOutboundGuard() {
        contextRunner.run(context -> assertThat(context).hasSingleBean(OutboundGuard.class));
    }

    @Test
    void allowsCustomOutboundGuard() {
        contextRunner.withUserConfiguration(CustomBeans.class).run(context -> {
            assertThat(context).hasSingleBean(OutboundGuard.class);
            assertThat(context).getBean(OutboundGuard.class).isSameAs(context.getBean("customGuard"));
        });
    }

    @Test
    void autoConfiguresAnthropicBreakerInterceptor() {
        contextRunner.run(context -> assertThat(context).hasSingleBean(AnthropicBreakerInterceptor.class));
    }

    @Test
    void allowsCustomAnthropicBreakerInterceptor() {
        contextRunner.withUserConfiguration(CustomBeans.class).run(context -> {
            assertThat(context).hasSingleBean(AnthropicBreakerInterceptor.class);
            assertThat(context).getBean(AnthropicBreakerInterceptor.class).isSameAs(context.getBean("customInterceptor"));
        });
    }

    @Test
    void autoConfiguresOpenAiBreakers() {
        contextRunner.run(context -> assertThat(context).hasSingleBean(OpenAiBreakers.class));
    }

    @Test
    void allowsCustomOpenAiBreakers() {
        contextRunner.withUserConfiguration(CustomBeans.class).run(context -> {
            assertThat(context).hasSingleBean(OpenAiBreakers.class);
            assertThat(context).getBean(OpenAiBreakers.class).isSameAs(context.getBean("customOpenAiBreakers"));
        });
    }

    @Test
    void autoConfiguresLangChain4jBreakers() {
        contextRunner.run(context -> assertThat(context).hasSingleBean(LangChain4jBreakers.class));
    }

    @Test
    void allowsCustomLangChain4jBreakers() {
        contextRunner.withUserConfiguration(CustomBeans.class).run(context -> {
            assertThat(context).hasSingleBean(LangChain4jBreakers.class);
            assertThat(context).getBean(LangChain4jBreakers.class).isSameAs(context.getBean("customLangChain4j"));
        });
    }

    @Test
    void aClientThatNamesAnUnknownProviderFailsWhenBuiltNotOnEachCall() {
        contextRunner.run(context -> {
            OutboundGuard guard = context.getBean(OutboundGuard.class);
            assertThatThrownBy(() -> new AnthropicBreakerInterceptor(guard, "opneai"))
                    .isInstanceOf(UnknownProviderException.class).hasMessageContaining("'opneai'").hasMessageContaining("openai");
            assertThatThrownBy(() -> context.getBean(OpenAiBreakers.class).wrap(null, "opneai"))
                    .isInstanceOf(UnknownProviderException.class);
            assertThatThrownBy(() -> context.getBean(LangChain4jBreakers.class).httpClientBuilder(null, "opneai"))
                    .isInstanceOf(UnknownProviderException.class);
            assertThat(new AnthropicBreakerInterceptor(guard, "openai")).isNotNull();
        });
    }

    @Test
    void eachIntegrationNeedsOnlyItsOwnLibrary() {
        contextRunner.withClassLoader(new FilteredClassLoader("com.anthropic")).run(context -> {
            assertThat(context).doesNotHaveBean(AnthropicBreakerInterceptor.class);
            assertThat(context).hasSingleBean(OpenAiBreakers.class);
            assertThat(context).hasSingleBean(LangChain4jBreakers.class);
        });
        contextRunner.withClassLoader(new FilteredClassLoader("com.openai", "dev.langchain4j")).run(context -> {
            assertThat(context).hasSingleBean(AnthropicBreakerInterceptor.class);
            assertThat(context).doesNotHaveBean(OpenAiBreakers.class);
            assertThat(context).doesNotHaveBean(LangChain4jBreakers.class);
        });
    }

    @Test
    void keepsWhatApplicationsInjectAsPassThroughsWhenTheBreakersAreDisabled() {
        contextRunner.withPropertyValues("breaker.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(AnthropicBreakerInterceptor.class);
            assertThat(context).hasSingleBean(OpenAiBreakers.class);
            assertThat(context).hasSingleBean(LangChain4jBreakers.class);
            assertThat(context.getBean(BreakerRegistry.class).providers()).allMatch(provider -> provider.size() == 0);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomBeans {

        @Bean
        OutboundGuard customGuard(dev.breaker.spring.provider.BreakerProviders providers,
                                  dev.breaker.core.registry.BreakerRegistry registry) {
            return new OutboundGuard(providers, registry);
        }

        @Bean
        AnthropicBreakerInterceptor customInterceptor(OutboundGuard guard) {
            return new AnthropicBreakerInterceptor(guard, "openai");
        }

        @Bean
        OpenAiBreakers customOpenAiBreakers(OutboundGuard guard) {
            return new OpenAiBreakers(guard);
        }

        @Bean
        LangChain4jBreakers customLangChain4j(OutboundGuard guard) {
            return new LangChain4jBreakers(guard);
        }
    }
}
