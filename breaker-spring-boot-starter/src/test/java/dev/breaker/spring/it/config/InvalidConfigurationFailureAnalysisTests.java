package dev.breaker.spring.it.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every invalid {@code breaker.*} value stops start-up with Spring Boot's failure report, naming the
 * full property and what to set instead. Runs the real {@code SpringApplication}, as a user would.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationFailureAnalysisTests {

    private static final String ANTHROPIC = "breaker.providers.anthropic.";

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                arguments(ANTHROPIC + "open-duration=-5s", "use a positive duration"),
                arguments(ANTHROPIC + "window-duration=0s", "use a positive duration"),
                arguments(ANTHROPIC + "max-open-duration=0ms", "use a positive duration"),
                arguments(ANTHROPIC + "probe-timeout=-1m", "use a positive duration"),
                arguments(ANTHROPIC + "failure-rate-threshold=0", "use a fraction in (0, 1]"),
                arguments(ANTHROPIC + "failure-rate-threshold=1.5", "use a fraction in (0, 1]"),
                arguments(ANTHROPIC + "failure-statuses=429,600", "every status must be between 100 and 599"),
                arguments(ANTHROPIC + "failure-statuses=99", "every status must be between 100 and 599"),
                arguments(ANTHROPIC + "failure-threshold=0", "use a positive number of failures"),
                arguments(ANTHROPIC + "failure-threshold=-3", "use a positive number of failures"),
                arguments(ANTHROPIC + "minimum-calls=0", "use at least 1"),
                arguments(ANTHROPIC + "window-size=0", "use at least 1 call"),
                arguments(ANTHROPIC + "half-open-max-calls=0", "use at least 1 probe call"),
                arguments(ANTHROPIC + "half-open-successes-to-close=0", "use at least 1 successful probe"),
                arguments(ANTHROPIC + "backoff-multiplier=0.5", "use 1.0 (no backoff) or more"),
                arguments(ANTHROPIC + "open-jitter=1.5", "use a fraction in [0, 1]"),
                arguments(ANTHROPIC + "max-breakers=0", "use at least 1"),
                arguments(ANTHROPIC + "key-series-limit=-1", "use 0 or more keys"),
                arguments(ANTHROPIC + "model-search-limit=0B", "use a size between 1B and 2GB"),
                arguments(ANTHROPIC + "slow-call-duration=0s", "use a positive duration"),
                arguments(ANTHROPIC + "slow-call-rate-threshold=1.5", "use a fraction in (0, 1]"),
                arguments(ANTHROPIC + "max-open-duration=10s", "must be at least open-duration (30s)"),
                arguments(ANTHROPIC + "minimum-calls=200", "must not exceed window-size (100)"),
                arguments(ANTHROPIC + "scope=region", "unknown scope 'region'"),
                arguments(ANTHROPIC + "scope=provider,model", "cannot be combined with other scopes"),
                arguments(ANTHROPIC + "error-format=xml", "use anthropic, openai or problem"),
                arguments(ANTHROPIC + "rejection-status=404", "use 429 or a 5xx status"),
                arguments(ANTHROPIC + "rejection-status=200", "use 429 or a 5xx status"),
                arguments(ANTHROPIC + "path-prefix=anthropic", "use a plain path that starts with '/'"),
                arguments(ANTHROPIC + "base-url=ftp://api.anthropic.com", "use an absolute http(s) URL"),
                arguments(ANTHROPIC + "tenant-header=X Tenant", "use an HTTP header name"),
                arguments(ANTHROPIC + "model-header=X Model", "use an HTTP header name"),
                arguments("breaker.defaults.failure-rate-threshold=-0.1", "use a fraction in (0, 1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void stopsStartUpNamingThePropertyAndTheFix(String property, String fix, CapturedOutput output) {
        String name = property.substring(0, property.indexOf('='));
        assertThatException().isThrownBy(() -> start("--" + property, "--breaker.providers.anthropic.path-prefix=/a"));
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Property: " + name)
                .contains(fix)
                .containsPattern("Action:\\s+Update '" + java.util.regex.Pattern.quote(name) + "'");
    }

    @Test
    void quotesTheValueAsWrittenNotAsBound(CapturedOutput output) {
        assertThatException().isThrownBy(() -> start("--breaker.providers.anthropic.open-duration=-5s"));
        assertThat(output).contains("Value: -5s")
                .contains("Origin: \"breaker.providers.anthropic.open-duration\" from property source \"commandLineArgs\"")
                .doesNotContain("PT-5S");
    }

    @Test
    void writesDurationsInTheFixTheWayUsersWriteThem(CapturedOutput output) {
        assertThatException().isThrownBy(() -> start("--breaker.providers.anthropic.open-duration=2m",
                "--breaker.providers.anthropic.max-open-duration=90s"));
        assertThat(output).contains("Value: 90s").contains("must be at least open-duration (2m)").doesNotContain("PT");
    }

    @Test
    void stopsStartUpWhenTwoProvidersShareAPathPrefix(CapturedOutput output) {
        assertThatException().isThrownBy(() -> start(
                "--breaker.providers.anthropic.path-prefix=/gw/llm",
                "--breaker.providers.openai.path-prefix=/gw/llm/"));
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Property: breaker.providers.openai.path-prefix")
                .contains("provider 'anthropic' already uses it");
    }

    @Test
    void namesTheProvidersOwnPropertyWhenItOverridesAnInvalidDefault(CapturedOutput output) {
        assertThatException().isThrownBy(() -> start(
                "--breaker.defaults.open-duration=10s",
                "--breaker.providers.anthropic.open-duration=0s"));
        assertThat(output).contains("Property: breaker.providers.anthropic.open-duration");
    }

    @Test
    void namesTheValueThatDoesNotConvert(CapturedOutput output) {
        assertThatException().isThrownBy(() -> start("--breaker.providers.anthropic.open-duration=soon"));
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("breaker.providers.anthropic.open-duration");
    }

    @Test
    void startsWithAValidConfiguration(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("--breaker.providers.anthropic.path-prefix=/a",
                "--breaker.providers.anthropic.failure-rate-threshold=1", "--breaker.providers.anthropic.rejection-status=429")) {
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
