package dev.breaker.llm.conformance;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.MessageCreateParams;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.autoconfigure.BreakerAnthropicSdkAutoConfiguration;
import dev.breaker.spring.autoconfigure.BreakerAutoConfiguration;
import dev.breaker.spring.autoconfigure.BreakerOutboundGuardAutoConfiguration;
import dev.breaker.spring.llm.AnthropicBreakerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue 14's failure 5: {@code breaker.enabled=false} turns protection off without breaking an
 * application wired as docs/llm-clients.md shows, with the starter's {@link AnthropicBreakerInterceptor}
 * injected into the application's own {@code AnthropicClient}.
 */
class MasterSwitchTests {

    private static final MessageCreateParams MESSAGE = MessageCreateParams.builder()
            .model("claude-sonnet-4-5").maxTokens(64).addUserMessage("Hi").build();

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class,
                    BreakerOutboundGuardAutoConfiguration.class, BreakerAnthropicSdkAutoConfiguration.class))
            .withUserConfiguration(DocumentedWiring.class)
            .withPropertyValues(
                    // The SDK's interceptors see its default base URL, whatever the client's own.
                    "breaker.providers.anthropic.base-url=https://api.anthropic.com",
                    "breaker.providers.anthropic.failure-threshold=1",
                    "test.anthropic.base-url=" + Upstream.ANTHROPIC.baseUrl());

    @Test
    void withTheSwitchOffAnApplicationWiredAsTheDocsShowStartsAndItsCallsPassThrough() {
        Upstream.ANTHROPIC.answer(overloaded());
        contexts.withPropertyValues("breaker.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AnthropicBreakerInterceptor.class);
            AnthropicClient anthropic = context.getBean(AnthropicClient.class);
            int before = Upstream.ANTHROPIC.received();

            for (int i = 0; i < 3; i++) {
                Throwable overloaded = catchThrowable(() -> anthropic.messages().create(MESSAGE));
                assertThat(overloaded).isInstanceOf(AnthropicServiceException.class);
                assertThat(((AnthropicServiceException) overloaded).statusCode()).isEqualTo(529);
            }

            assertThat(Upstream.ANTHROPIC.received() - before).as("calls that reached Anthropic").isEqualTo(3);
        });
    }

    @Test
    void withTheSwitchOnTheSameWiringRefusesOnceTheBreakerOpens() {
        Upstream.ANTHROPIC.answer(overloaded());
        contexts.run(context -> {
            AnthropicClient anthropic = context.getBean(AnthropicClient.class);
            int before = Upstream.ANTHROPIC.received();

            assertThat(catchThrowable(() -> anthropic.messages().create(MESSAGE)))
                    .isInstanceOf(AnthropicServiceException.class);
            assertThat(catchThrowable(() -> anthropic.messages().create(MESSAGE)))
                    .isInstanceOf(BreakerOpenException.class);

            assertThat(Upstream.ANTHROPIC.received() - before).as("calls that reached Anthropic").isEqualTo(1);
        });
    }

    private static ResponseDefinitionBuilder overloaded() {
        return aResponse().withStatus(529)
                .withHeader("Content-Type", "application/json").withBody(Dialect.ANTHROPIC.error(529));
    }

    /** As docs/llm-clients.md shows it, pointed at the test server and without retries. */
    @Configuration(proxyBeanMethods = false)
    static class DocumentedWiring {

        @Bean
        AnthropicClient anthropic(AnthropicBreakerInterceptor breakerInterceptor, Environment environment) {
            return AnthropicOkHttpClient.builder()
                    .baseUrl(environment.getProperty("test.anthropic.base-url"))
                    .apiKey("test-key")
                    .maxRetries(0)
                    .addInterceptor(breakerInterceptor)
                    .build();
        }
    }
}
