package dev.breaker.spring.autoconfigure.diagnostics;

import dev.breaker.spring.autoconfigure.BreakerAutoConfiguration;
import dev.breaker.spring.autoconfigure.BreakerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class UnknownPropertiesCheckTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class,
                    BreakerDiagnosticsAutoConfiguration.class));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "breaker.providers.anthropic.failure-treshold=5, breaker.providers.anthropic.failure-threshold",
            "breaker.providers.anthropic.path-prefx=/a, breaker.providers.anthropic.path-prefix",
            "breaker.provider.anthropic.path-prefix=/a, breaker.providers.anthropic.path-prefix",
            "breaker.providers.x.ai.open-duration=1m, breaker.providers.[x.ai].open-duration",
            "breaker.defaults.open-duraton=5s, breaker.defaults.open-duration",
            "breaker.store.redis.urll=redis://localhost, breaker.store.redis.url",
            "breaker.health.down-when-opn=true, breaker.health.down-when-open",
            "breaker.enabeld=true, breaker.enabled"})
    void stopsStartUpOnAnUnknownKeyNamingTheClosestValidOne(String property, String closest) {
        contextRunner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            UnknownBreakerPropertiesException failure = unknown(context.getStartupFailure());
            assertThat(failure.properties()).singleElement().satisfies(unknown -> {
                assertThat(unknown.name()).isEqualTo(property.substring(0, property.indexOf('=')));
                assertThat(unknown.closest()).isEqualTo(closest);
            });
        });
    }

    @Test
    void stopsStartUpOnAnUnknownKeyWithNothingClose() {
        contextRunner.withPropertyValues("breaker.providers.anthropic.colour=red").run(context -> {
            assertThat(context).hasFailed();
            assertThat(unknown(context.getStartupFailure()).properties())
                    .singleElement().satisfies(unknown -> assertThat(unknown.closest()).isNull());
        });
    }

    @Test
    void startsWithBracketedUpperCaseAndIndexedKeys() {
        contextRunner.withPropertyValues("breaker.providers.[x.ai].path-prefix=/x",
                        "breaker.providers.OpenAI.path-prefix=/o",
                        "breaker.providers.anthropic.failure-statuses[0]=429",
                        "breaker.providers.anthropic.failure-statuses[1]=529",
                        "breaker.defaults.scope=endpoint,model")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void findsNothingUnknownInAnyKeyTheClassesDefine() {
        List<String> every = PropertyTemplates.of("breaker", BreakerProperties.class);
        MockEnvironment environment = new MockEnvironment();
        every.forEach(template -> environment.setProperty(template.replace("*", "anthropic"), "1"));

        assertThat(every).contains("breaker.enabled", "breaker.providers.*.failure-threshold",
                "breaker.defaults.open-duration", "breaker.store.redis.key-prefix", "breaker.health.down-when-open");
        assertThat(new UnknownPropertiesCheck(environment).find(Map.of("breaker", BreakerProperties.class))).isEmpty();
    }

    @Test
    void onlyWarnsAboutUnknownKeysFromEnvironmentVariables(CapturedOutput output) {
        contextRunner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("systemEnvironment",
                                Map.of("BREAKER_SERVICE_HOST", "10.0.0.7"))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output).contains("Ignoring breaker.service.host from")
                            .contains("no circuit breaker setting has that name");
                });
    }

    @Test
    void checksNothingWhenBreakersAreOff() {
        contextRunner.withPropertyValues("breaker.enabled=false", "breaker.providers.anthropic.failure-treshold=5")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void checksAnotherConfigurationPropertiesClassUnderBreakerByItsOwnNames() {
        ApplicationContextRunner withFallback = contextRunner.withUserConfiguration(FallbackConfiguration.class);
        withFallback.withPropertyValues("breaker.fallback.chat-models=anthropic/claude-sonnet-4-5")
                .run(context -> assertThat(context).hasNotFailed());
        withFallback.withPropertyValues("breaker.fallback.chat-modles=anthropic/claude-sonnet-4-5").run(context ->
                assertThat(unknown(context.getStartupFailure()).properties()).singleElement()
                        .satisfies(unknown -> assertThat(unknown.closest()).isEqualTo("breaker.fallback.chat-models")));
    }

    private static UnknownBreakerPropertiesException unknown(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof UnknownBreakerPropertiesException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("an UnknownBreakerPropertiesException in %s", failure).isNotNull();
        return (UnknownBreakerPropertiesException) cause;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FallbackProperties.class)
    static class FallbackConfiguration {
    }

    @ConfigurationProperties("breaker.fallback")
    static class FallbackProperties {

        private List<String> chatModels;

        public List<String> getChatModels() {
            return chatModels;
        }

        public void setChatModels(List<String> chatModels) {
            this.chatModels = chatModels;
        }
    }
}
