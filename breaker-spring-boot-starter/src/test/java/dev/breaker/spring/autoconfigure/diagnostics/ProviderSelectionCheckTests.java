package dev.breaker.spring.autoconfigure.diagnostics;

import dev.breaker.spring.ProviderBreaker;
import dev.breaker.spring.autoconfigure.BreakerAutoConfiguration;
import dev.breaker.spring.autoconfigure.BreakerOutboundGuardAutoConfiguration;
import dev.breaker.spring.autoconfigure.BreakerRestClientAutoConfiguration;
import dev.breaker.spring.autoconfigure.BreakerWebClientAutoConfiguration;
import dev.breaker.spring.autoconfigure.BreakerWebFilterAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each provider's configuration is checked against the doors the application really has. */
@ExtendWith(OutputCaptureExtension.class)
class ProviderSelectionCheckTests {

    private static final AutoConfigurations DOORS = AutoConfigurations.of(BreakerAutoConfiguration.class,
            BreakerWebFilterAutoConfiguration.class, BreakerWebClientAutoConfiguration.class,
            BreakerRestClientAutoConfiguration.class, BreakerOutboundGuardAutoConfiguration.class,
            WebClientAutoConfiguration.class, RestClientAutoConfiguration.class,
            BreakerDiagnosticsAutoConfiguration.class);

    /** Without Spring AI, the SDKs and LangChain4j, which would bring doors of their own. */
    private static final FilteredClassLoader NO_LLM_CLIENTS = new FilteredClassLoader(
            "org.springframework.ai", "com.anthropic", "com.openai", "dev.langchain4j");

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(DOORS).withClassLoader(NO_LLM_CLIENTS);

    private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(DOORS).withClassLoader(NO_LLM_CLIENTS);

    @Test
    void warnsThatAPathPrefixNeedsWebFluxOutsideAReactiveWebApplication(CapturedOutput output) {
        contextRunner.withPropertyValues("breaker.providers.anthropic.path-prefix=/anthropic").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains("Provider 'anthropic' has path-prefix /anthropic, but no inbound filter is "
                    + "running").contains("org.springframework.boot:spring-boot-starter-webflux");
        });
    }

    @Test
    void saysNothingAboutAPathPrefixInAReactiveWebApplication(CapturedOutput output) {
        reactiveRunner.withPropertyValues("breaker.providers.anthropic.path-prefix=/anthropic").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).doesNotContain("Provider 'anthropic'");
        });
    }

    @Test
    void warnsThatABaseUrlNeedsAClientModule(CapturedOutput output) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class,
                        BreakerWebClientAutoConfiguration.class, BreakerRestClientAutoConfiguration.class,
                        BreakerOutboundGuardAutoConfiguration.class, BreakerDiagnosticsAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader("org.springframework.ai", "com.anthropic", "com.openai",
                        "dev.langchain4j", "org.springframework.boot.webclient", "org.springframework.boot.restclient"))
                .withPropertyValues("breaker.providers.anthropic.base-url=https://api.anthropic.com").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output).contains("Provider 'anthropic' has base-url https://api.anthropic.com, but no "
                            + "client built by Spring Boot reads it")
                            .contains("spring-boot-starter-webclient").contains("spring-boot-starter-restclient");
                });
    }

    @Test
    void saysNothingAboutABaseUrlThatSpringBootsBuildersRead(CapturedOutput output) {
        contextRunner.withPropertyValues("breaker.providers.anthropic.base-url=https://api.anthropic.com")
                .run(context -> assertThat(output).doesNotContain("Provider 'anthropic'"));
    }

    @Test
    void tellsThatAProviderWithoutPrefixOrUrlIsSelectedOnlyByName(CapturedOutput output) {
        contextRunner.withPropertyValues("breaker.providers.internal-llm.scope=endpoint").run(context -> {
            assertThat(output).contains("INFO").contains("Provider 'internal-llm' has no path-prefix or base-url and "
                    + "no @ProviderBreaker names it: only calls that name it select it");
            assertThat(output).doesNotContain("can never be selected");
        });
    }

    @Test
    void warnsThatAProviderNothingCanSelectCanNeverBeSelected(CapturedOutput output) {
        contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.ai", "com.anthropic", "com.openai",
                        "dev.langchain4j", "org.springframework.web.reactive.function.client", "org.springframework.web.client"))
                .withPropertyValues("breaker.providers.internal-llm.scope=endpoint")
                .run(context -> assertThat(output).contains("Provider 'internal-llm' can never be selected"));
    }

    @Test
    void saysNothingAboutAProviderThatAnAnnotationNames(CapturedOutput output) {
        contextRunner.withUserConfiguration(AnnotatedClient.class)
                .withPropertyValues("breaker.providers.internal-llm.scope=endpoint")
                .run(context -> assertThat(output).doesNotContain("Provider 'internal-llm'"));
    }

    @Test
    void saysNothingAboutADisabledProvider(CapturedOutput output) {
        contextRunner.withPropertyValues("breaker.providers.paused.enabled=false")
                .run(context -> assertThat(output).doesNotContain("Provider 'paused'"));
    }

    /** The doors are named as strings (their classes need optional libraries); a renamed door must fail here. */
    @Test
    void looksForDoorsThatExist() {
        List<String> doors = new ArrayList<>(ProviderSelectionCheck.BASE_URL_DOORS);
        doors.addAll(ProviderSelectionCheck.NAMING_DOORS);
        doors.add(ProviderSelectionCheck.INBOUND_FILTER);
        assertThat(doors).allSatisfy(name ->
                assertThat(ClassUtils.isPresent(name, getClass().getClassLoader())).as(name).isTrue());
    }

    @Configuration(proxyBeanMethods = false)
    static class AnnotatedClient {

        @Bean
        Embeddings embeddings() {
            return new Embeddings();
        }
    }

    static class Embeddings {

        @ProviderBreaker("internal-llm")
        public String embed(String text) {
            return text;
        }
    }
}
