package dev.breaker.spring.autoconfigure;

import dev.breaker.core.BreakerConfig;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.dialect.ErrorFormat;
import dev.breaker.spring.provider.ProviderSettings;
import dev.breaker.spring.provider.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code breaker.*} provider property binds, with its documented default, in every form Boot accepts. */
class BreakerPropertiesBindingTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class));

    /** One non-default value for every property, kebab-case, relative to a provider or the defaults. */
    private static final List<String> EVERY_PROPERTY = List.of(
            "enabled=false",
            "path-prefix=/gw/anthropic/",
            "base-url=https://api.anthropic.com/",
            "scope=model,endpoint",
            "model-header=X-Model",
            "tenant-header=X-Org",
            "failure-statuses=500,529",
            "count-timeouts=false",
            "failure-threshold=4",
            "failure-rate-threshold=0.25",
            "minimum-calls=20",
            "window-size=50",
            "window-duration=30s",
            "open-duration=45s",
            "backoff-multiplier=2.5",
            "max-open-duration=10m",
            "half-open-max-calls=2",
            "half-open-successes-to-close=4",
            "honor-retry-after=false",
            "error-format=anthropic",
            "rejection-status=429",
            "quota-errors=false",
            "open-jitter=0.2",
            "max-breakers=500",
            "probe-timeout=15s",
            "stream-failure-types=overloaded_error,server_error",
            "key-tag=false",
            "key-series-limit=7",
            "model-search-limit=2MB",
            "slow-call-duration=4s",
            "slow-call-rate-threshold=0.8");

    @Test
    void resolvesEveryDocumentedDefault() {
        runner.withPropertyValues("breaker.providers.plain.path-prefix=/plain").run(context -> {
            ProviderSettings plain = provider(context, "plain");
            assertThat(plain.enabled()).isTrue();
            assertThat(plain.baseUrl()).isNull();
            assertThat(plain.scopes()).containsExactly(Scope.ENDPOINT);
            assertThat(plain.modelHeader()).isNull();
            assertThat(plain.tenantHeader()).isEqualTo("X-Tenant-Id");
            assertThat(plain.errorFormat()).isEqualTo(ErrorFormat.PROBLEM);
            assertThat(plain.rejectionStatus()).isEqualTo(503);
            assertThat(plain.streamFailureTypes())
                    .containsExactlyInAnyOrder("overloaded_error", "rate_limit_error", "api_error", "server_error");
            assertThat(plain.modelSearchLimit()).isEqualTo(32 * 1024 * 1024);
            assertThat(plain.keyTag()).isTrue();
            assertThat(plain.keySeriesLimit()).isEqualTo(100);
            BreakerConfig engine = plain.breaker();
            assertThat(engine.failureStatuses()).containsExactly(429, 503, 504, 529);
            assertThat(engine.countTimeouts()).isTrue();
            assertThat(engine.hasFailureThreshold()).isFalse();
            assertThat(engine.failureRateThreshold()).isEqualTo(0.5);
            assertThat(engine.minimumCalls()).isEqualTo(10);
            assertThat(engine.windowSize()).isEqualTo(100);
            assertThat(engine.windowDuration()).isEqualTo(Duration.ofSeconds(60));
            assertThat(engine.openDuration()).isEqualTo(Duration.ofSeconds(30));
            assertThat(engine.backoffMultiplier()).isEqualTo(1.0);
            assertThat(engine.maxOpenDuration()).isEqualTo(Duration.ofMinutes(5));
            assertThat(engine.halfOpenMaxCalls()).isEqualTo(3);
            assertThat(engine.halfOpenSuccessesToClose()).isEqualTo(3);
            assertThat(engine.honorRetryAfter()).isTrue();
            assertThat(engine.quotaErrors()).isTrue();
            assertThat(engine.openJitter()).isZero();
            assertThat(engine.maxBreakers()).isEqualTo(10_000);
            assertThat(engine.probeTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(engine.slowCallDuration()).isNull();
            assertThat(engine.judgesSlowCalls()).isFalse();
            assertThat(engine.slowCallRateThreshold()).isEqualTo(0.5);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"breaker.providers.anthropic.", "breaker.defaults."})
    void bindsEveryPropertyWhetherSetOnTheProviderOrInTheDefaults(String prefix) {
        runner.withPropertyValues(EVERY_PROPERTY.stream().map(property -> prefix + property).toArray(String[]::new))
                .withPropertyValues("breaker.providers.anthropic.max-breakers=500")
                .run(context -> {
                    ProviderSettings anthropic = provider(context, "anthropic");
                    assertThat(anthropic.enabled()).isFalse();
                    assertThat(anthropic.pathPrefix()).isEqualTo("/gw/anthropic");
                    assertThat(anthropic.baseUrl()).isEqualTo(URI.create("https://api.anthropic.com"));
                    assertThat(anthropic.scopes()).containsExactly(Scope.ENDPOINT, Scope.MODEL);
                    assertThat(anthropic.modelHeader()).isEqualTo("X-Model");
                    assertThat(anthropic.tenantHeader()).isEqualTo("X-Org");
                    assertThat(anthropic.errorFormat()).isEqualTo(ErrorFormat.ANTHROPIC);
                    assertThat(anthropic.rejectionStatus()).isEqualTo(429);
                    assertThat(anthropic.streamFailureTypes()).containsExactlyInAnyOrder("overloaded_error", "server_error");
                    assertThat(anthropic.keyTag()).isFalse();
                    assertThat(anthropic.keySeriesLimit()).isEqualTo(7);
                    assertThat(anthropic.modelSearchLimit()).isEqualTo(2 * 1024 * 1024);
                    BreakerConfig engine = anthropic.breaker();
                    assertThat(engine.failureStatuses()).containsExactly(500, 529);
                    assertThat(engine.countTimeouts()).isFalse();
                    assertThat(engine.failureThreshold()).isEqualTo(4);
                    assertThat(engine.failureRateThreshold()).isEqualTo(0.25);
                    assertThat(engine.minimumCalls()).isEqualTo(20);
                    assertThat(engine.windowSize()).isEqualTo(50);
                    assertThat(engine.windowDuration()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(engine.openDuration()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(engine.backoffMultiplier()).isEqualTo(2.5);
                    assertThat(engine.maxOpenDuration()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(engine.halfOpenMaxCalls()).isEqualTo(2);
                    assertThat(engine.halfOpenSuccessesToClose()).isEqualTo(4);
                    assertThat(engine.honorRetryAfter()).isFalse();
                    assertThat(engine.quotaErrors()).isFalse();
                    assertThat(engine.openJitter()).isEqualTo(0.2);
                    assertThat(engine.maxBreakers()).isEqualTo(500);
                    assertThat(engine.probeTimeout()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(engine.slowCallDuration()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(engine.slowCallRateThreshold()).isEqualTo(0.8);
                });
    }

    @Test
    void prefersTheProvidersValueOverTheDefaultsAndTheDefaultsOverTheBuiltInValue() {
        runner.withPropertyValues(
                "breaker.defaults.open-duration=10s",
                "breaker.defaults.failure-threshold=3",
                "breaker.providers.anthropic.open-duration=20s",
                "breaker.providers.openai.error-format=openai").run(context -> {
                    ProviderSettings anthropic = provider(context, "anthropic");
                    ProviderSettings openai = provider(context, "openai");
                    assertThat(anthropic.breaker().openDuration()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(openai.breaker().openDuration()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(anthropic.breaker().failureThreshold()).isEqualTo(3);
                    assertThat(openai.breaker().failureThreshold()).isEqualTo(3);
                    assertThat(anthropic.breaker().windowDuration()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(openai.errorFormat()).isEqualTo(ErrorFormat.OPENAI);
                    assertThat(anthropic.errorFormat()).isEqualTo(ErrorFormat.PROBLEM);
                });
    }

    @Test
    void bindsDurationsInEveryFormatBootAccepts() {
        runner.withPropertyValues(
                "breaker.providers.anthropic.open-duration=30s",
                "breaker.providers.anthropic.window-duration=PT1M30S",
                "breaker.providers.anthropic.probe-timeout=500ms",
                "breaker.providers.anthropic.max-open-duration=1h").run(context -> {
                    BreakerConfig engine = provider(context, "anthropic").breaker();
                    assertThat(engine.openDuration()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(engine.windowDuration()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(engine.probeTimeout()).isEqualTo(Duration.ofMillis(500));
                    assertThat(engine.maxOpenDuration()).isEqualTo(Duration.ofHours(1));
                });
    }

    @Test
    void bindsCamelCaseAndUnderscoredNames() {
        runner.withPropertyValues(
                "breaker.providers.anthropic.failureThreshold=7",
                "breaker.providers.anthropic.open_duration=12s",
                "breaker.defaults.errorFormat=openai").run(context -> {
                    ProviderSettings anthropic = provider(context, "anthropic");
                    assertThat(anthropic.breaker().failureThreshold()).isEqualTo(7);
                    assertThat(anthropic.breaker().openDuration()).isEqualTo(Duration.ofSeconds(12));
                    assertThat(anthropic.errorFormat()).isEqualTo(ErrorFormat.OPENAI);
                });
    }

    @Test
    void bindsEnvironmentVariables() {
        Map<String, Object> environment = Map.of(
                "BREAKER_PROVIDERS_ANTHROPIC_FAILURETHRESHOLD", "6",
                "BREAKER_PROVIDERS_ANTHROPIC_OPENDURATION", "40s",
                "BREAKER_DEFAULTS_HALFOPENMAXCALLS", "1");
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment", environment)))
                .run(context -> {
                    BreakerConfig engine = provider(context, "anthropic").breaker();
                    assertThat(engine.failureThreshold()).isEqualTo(6);
                    assertThat(engine.openDuration()).isEqualTo(Duration.ofSeconds(40));
                    assertThat(engine.halfOpenMaxCalls()).isEqualTo(1);
                });
    }

    @Test
    void bindsListsAsCommaSeparatedValuesOrIndexedEntries() {
        runner.withPropertyValues(
                "breaker.providers.anthropic.failure-statuses[0]=503",
                "breaker.providers.anthropic.failure-statuses[1]=529",
                "breaker.providers.anthropic.scope[0]=tenant",
                "breaker.providers.anthropic.scope[1]=model",
                "breaker.providers.openai.failure-statuses=429, 500",
                "breaker.providers.openai.scope=tenant, endpoint").run(context -> {
                    assertThat(provider(context, "anthropic").breaker().failureStatuses()).containsExactly(503, 529);
                    assertThat(provider(context, "anthropic").scopes()).containsExactly(Scope.MODEL, Scope.TENANT);
                    assertThat(provider(context, "openai").breaker().failureStatuses()).containsExactly(429, 500);
                    assertThat(provider(context, "openai").scopes()).containsExactly(Scope.ENDPOINT, Scope.TENANT);
                });
    }

    @Test
    void keepsProviderNamesAsWrittenIncludingBracketedDots() {
        runner.withPropertyValues(
                "breaker.providers.OpenAI.failure-threshold=2",
                "breaker.providers.[x.ai].failure-threshold=3").run(context -> {
                    assertThat(context.getBean(BreakerProviders.class).names()).containsExactlyInAnyOrder("OpenAI", "x.ai");
                    assertThat(provider(context, "x.ai").breaker().failureThreshold()).isEqualTo(3);
                });
    }

    @Test
    void closesAfterAsManySuccessfulProbesAsItAdmitsUnlessToldOtherwise() {
        runner.withPropertyValues(
                "breaker.defaults.half-open-max-calls=5",
                "breaker.providers.anthropic.half-open-max-calls=2",
                "breaker.providers.openai.half-open-successes-to-close=1").run(context -> {
                    assertThat(provider(context, "anthropic").breaker().halfOpenSuccessesToClose()).isEqualTo(2);
                    assertThat(provider(context, "openai").breaker().halfOpenMaxCalls()).isEqualTo(5);
                    assertThat(provider(context, "openai").breaker().halfOpenSuccessesToClose()).isEqualTo(1);
                });
    }

    @Test
    void acceptsEachScopeAndErrorFormatInAnyCase() {
        runner.withPropertyValues(
                "breaker.providers.a.scope=PROVIDER", "breaker.providers.a.error-format=OpenAI",
                "breaker.providers.b.scope=Tenant", "breaker.providers.b.error-format=Problem").run(context -> {
                    assertThat(provider(context, "a").scopes()).containsExactly(Scope.PROVIDER);
                    assertThat(provider(context, "a").errorFormat()).isEqualTo(ErrorFormat.OPENAI);
                    assertThat(provider(context, "b").scopes()).containsExactly(Scope.TENANT);
                    assertThat(provider(context, "b").errorFormat()).isEqualTo(ErrorFormat.PROBLEM);
                });
    }

    @Test
    void acceptsEveryRejectionStatusOfTheRange() {
        runner.withPropertyValues(
                "breaker.providers.a.rejection-status=500",
                "breaker.providers.b.rejection-status=599",
                "breaker.providers.c.rejection-status=529").run(context -> {
                    assertThat(provider(context, "a").rejectionStatus()).isEqualTo(500);
                    assertThat(provider(context, "b").rejectionStatus()).isEqualTo(599);
                    assertThat(provider(context, "c").rejectionStatus()).isEqualTo(529);
                });
    }

    @Test
    void treatsABlankPathPrefixOrBaseUrlAsUnset() {
        runner.withPropertyValues(
                "breaker.providers.anthropic.path-prefix=",
                "breaker.providers.anthropic.base-url= ").run(context -> {
                    assertThat(provider(context, "anthropic").pathPrefix()).isNull();
                    assertThat(provider(context, "anthropic").baseUrl()).isNull();
                });
    }

    @Test
    void resolvesNoProviderWhenNoneIsConfigured() {
        runner.run(context -> assertThat(context.getBean(BreakerProviders.class).all()).isEmpty());
    }

    @Test
    void keepsStreamFailureTypesAsASet() {
        runner.withPropertyValues("breaker.providers.a.stream-failure-types=overloaded_error,overloaded_error")
                .run(context -> assertThat(provider(context, "a").streamFailureTypes())
                        .isEqualTo(Set.of("overloaded_error")));
    }

    private static ProviderSettings provider(AssertableApplicationContext context, String name) {
        assertThat(context).hasNotFailed();
        ProviderSettings settings = context.getBean(BreakerProviders.class).get(name);
        assertThat(settings).as("provider %s", name).isNotNull();
        return settings;
    }
}
