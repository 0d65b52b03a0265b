package dev.breaker.spring.it.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A misspelt {@code breaker.*} key stops start-up with Spring Boot's failure report, which names the key,
 * the file and line it came from, and the key it was meant to be. Runs the real {@code SpringApplication}.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownPropertyFailureAnalysisTests {

    @Test
    void namesAMisspeltKeyItsLineAndTheKeyItMeant(CapturedOutput output) {
        assertThatException().isThrownBy(() -> start(
                "--spring.config.location=classpath:dev/breaker/spring/it/config/misspelt.yml"));
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Unknown circuit breaker properties")
                .contains("Property: breaker.providers.anthropic.failure-treshold")
                .contains("Value: 5")
                .contains("Origin: class path resource [dev/breaker/spring/it/config/misspelt.yml]")
                .contains("Did you mean: breaker.providers.anthropic.failure-threshold")
                .contains("Rename each property to the key it was meant to be");
    }

    @Test
    void namesTheProvidersKeyForASingularProvider(CapturedOutput output) {
        assertThatException().isThrownBy(() -> start("--breaker.provider.anthropic.path-prefix=/a"));
        assertThat(output).contains("Property: breaker.provider.anthropic.path-prefix")
                .contains("Did you mean: breaker.providers.anthropic.path-prefix");
    }

    @Test
    void startsWhenEveryKeyIsKnown(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("--breaker.providers.anthropic.path-prefix=/a",
                "--breaker.providers.anthropic.failure-threshold=5")) {
            assertThat(context.isActive()).isTrue();
        }
        assertThat(output).doesNotContain("APPLICATION FAILED TO START");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(BreakerOnlyApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args);
    }
}
