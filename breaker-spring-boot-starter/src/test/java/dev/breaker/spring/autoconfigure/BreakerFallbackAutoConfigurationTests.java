package dev.breaker.spring.autoconfigure;

import dev.breaker.spring.fallback.FallbackChatModel;
import dev.breaker.spring.fallback.FallbackEntry;
import dev.breaker.spring.provider.InvalidBreakerPropertyException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerFallbackAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class,
                    BreakerFallbackAutoConfiguration.class))
            .withUserConfiguration(TwoChatModels.class);

    @Test
    void configuresNothingWithoutAChain() {
        contextRunner.run(context -> {
            assertThat(context).doesNotHaveBean(FallbackChatModel.class);
            assertThat(context).doesNotHaveBean("breakerFallbackChatModel");
        });
    }

    @Test
    void autoConfiguresThePrimaryFallbackChatModel() {
        contextRunner.withPropertyValues("breaker.fallback.chat-models=claude/claude-sonnet-4-5, gpt/gpt-4o")
                .run(context -> {
                    assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean("breakerFallbackChatModel"));
                    FallbackChatModel chain = context.getBean(FallbackChatModel.class);
                    assertThat(chain.entries()).extracting(FallbackEntry::name)
                            .containsExactly("claude/claude-sonnet-4-5", "gpt/gpt-4o");
                    assertThat(chain.entries()).extracting(FallbackEntry::chatModel)
                            .containsExactly(context.getBean("claude", ChatModel.class), context.getBean("gpt", ChatModel.class));
                    assertThat(chain.entries()).extracting(FallbackEntry::model)
                            .containsExactly("claude-sonnet-4-5", "gpt-4o");
                });
    }

    @Test
    void readsTheChainWrittenAsAList() {
        contextRunner.withPropertyValues("breaker.fallback.chat-models[0]=gpt/gpt-4o",
                        "breaker.fallback.chat-models[1]=claude/claude-haiku-4-5")
                .run(context -> assertThat(context.getBean(FallbackChatModel.class).entries())
                        .extracting(FallbackEntry::name).containsExactly("gpt/gpt-4o", "claude/claude-haiku-4-5"));
    }

    @Test
    void allowsCustomFallbackChatModel() {
        contextRunner.withPropertyValues("breaker.fallback.chat-models=claude/x")
                .withBean("breakerFallbackChatModel", ChatModel.class, () -> prompt -> answer())
                .run(context -> assertThat(context).doesNotHaveBean(FallbackChatModel.class));
    }

    @Test
    void anEntrysProviderIsTheOneWhoseBaseUrlCoversItsChatModel() {
        contextRunner.withPropertyValues("breaker.fallback.chat-models=claude/a, gpt/b",
                        "breaker.providers.anthropic.base-url=https://api.anthropic.com",
                        "breaker.providers.elsewhere.base-url=https://elsewhere.example")
                .run(context -> assertThat(context.getBean(FallbackChatModel.class).entries())
                        .extracting(FallbackEntry::provider).containsExactly("anthropic", null));
    }

    @Test
    void keepsTheChainWhenBreakersAreSwitchedOffButNoEntryHasABreaker() {
        contextRunner.withPropertyValues("breaker.enabled=false", "breaker.fallback.chat-models=claude/a, gpt/b",
                        "breaker.providers.anthropic.base-url=https://api.anthropic.com")
                .run(context -> assertThat(context.getBean(FallbackChatModel.class).entries())
                        .extracting(FallbackEntry::provider).containsExactly(null, null));
    }

    @Test
    void registersTheFallbackCountersAtZeroForEachMoveTheChainCanMake() {
        contextRunner.withPropertyValues("breaker.fallback.chat-models=claude/a, gpt/b, claude/c")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("breaker.fallbacks").counters()).hasSize(2);
                    assertThat(registry.get("breaker.fallbacks").tags("from", "gpt/b", "to", "claude/c").counter()
                            .count()).isZero();
                });
    }

    @Test
    void stopsStartUpForAnEntryWithoutAModelName() {
        assertInvalid("claude/", "entry 'claude/' names no model: write it as claude/<model name>");
        assertInvalid("claude", "entry 'claude' names no chat model: write each entry as <chat model>/<model name>");
        assertInvalid("/gpt-4o", "names no chat model");
    }

    @Test
    void stopsStartUpForAnUnknownChatModel() {
        assertInvalid("mistrall/x", "'mistrall' is neither a Spring AI model id nor a ChatModel bean; use one of "
                + "the model ids anthropic, openai or the ChatModel beans claude, gpt");
        assertInvalid("anthropic/x", "the application has no anthropic ChatModel bean");
        assertInvalid("ollama/llama3.2", "Spring AI's ollama chat model is not on the class path; add "
                + "org.springframework.ai:spring-ai-starter-model-ollama");
        assertInvalid("breakerFallbackChatModel/x", "names the fallback chat model itself");
    }

    @Test
    void stopsStartUpForAnEntryListedTwice() {
        assertInvalid("claude/a, gpt/b, claude/a", "entry 'claude/a' is listed twice");
    }

    @Test
    void stopsStartUpForAnEmptyChain() {
        assertInvalid("", "name at least one entry");
    }

    private void assertInvalid(String chain, String fix) {
        contextRunner.withPropertyValues("breaker.fallback.chat-models=" + chain).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidBreakerPropertyException.class)
                    .hasMessageContaining("'breaker.fallback.chat-models'").hasMessageContaining(fix);
        });
    }

    private static ChatResponse answer() {
        return new ChatResponse(List.of(new Generation(AssistantMessage.builder().content("Hi").build())));
    }

    /** Two chat models known by their bean names; the first calls Anthropic's API, as its options say. */
    @Configuration(proxyBeanMethods = false)
    static class TwoChatModels {

        @Bean
        ChatModel claude() {
            return new ChatModel() {
                @Override
                public ChatResponse call(Prompt prompt) {
                    return answer();
                }

                @Override
                public ChatOptions getOptions() {
                    return AnthropicChatOptions.builder().baseUrl("https://api.anthropic.com").build();
                }
            };
        }

        @Bean
        ChatModel gpt() {
            return prompt -> answer();
        }
    }
}
