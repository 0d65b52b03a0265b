package dev.breaker.spring.autoconfigure.diagnostics;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A missing client builder, as a real context reports it, is turned into the dependency to add. */
class MissingClientBuilderFailureAnalyzerTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner();

    @Test
    void namesTheWebClientStarterForAMissingWebClientBuilder() {
        contextRunner.withUserConfiguration(NeedsWebClient.class).run(context -> {
            FailureAnalysis analysis = analyzer(new FilteredClassLoader(WebClientAutoConfiguration.class))
                    .analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("WebClient.Builder");
            assertThat(analysis.getAction()).contains("Add org.springframework.boot:spring-boot-starter-webclient");
        });
    }

    @Test
    void namesTheRestClientStarterForAMissingRestClientBuilder() {
        contextRunner.withUserConfiguration(NeedsRestClient.class).run(context -> {
            FailureAnalysis analysis = analyzer(new FilteredClassLoader(RestClientAutoConfiguration.class))
                    .analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getAction()).contains("Add org.springframework.boot:spring-boot-starter-restclient");
        });
    }

    @Test
    void leavesTheReportToSpringBootWhenTheModuleIsThere() {
        contextRunner.withUserConfiguration(NeedsWebClient.class).run(context ->
                assertThat(analyzer(getClass().getClassLoader()).analyze(context.getStartupFailure())).isNull());
    }

    private static MissingClientBuilderFailureAnalyzer analyzer(ClassLoader classLoader) {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.setBeanClassLoader(classLoader);
        return new MissingClientBuilderFailureAnalyzer(beanFactory);
    }

    @Configuration(proxyBeanMethods = false)
    static class NeedsWebClient {

        @Bean
        WebClient client(WebClient.Builder builder) {
            return builder.build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NeedsRestClient {

        @Bean
        RestClient client(RestClient.Builder builder) {
            return builder.build();
        }
    }
}
