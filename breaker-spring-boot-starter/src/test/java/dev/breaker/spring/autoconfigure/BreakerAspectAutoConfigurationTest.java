package dev.breaker.spring.autoconfigure;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.ProviderBreaker;
import dev.breaker.spring.aop.InvalidProviderBreakerException;
import dev.breaker.spring.aop.ProviderBreakerAdvisor;
import dev.breaker.spring.aop.ProviderBreakerValidator;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreakerAspectAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, BreakerAutoConfiguration.class,
                    BreakerAspectAutoConfiguration.class))
            .withPropertyValues("breaker.providers.llm.failure-threshold=1");

    @Test
    void autoConfiguresTheAdvisorAndTheValidator() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ProviderBreakerAdvisor.class);
            assertThat(context).hasSingleBean(ProviderBreakerValidator.class);
        });
    }

    @Test
    void allowsACustomAdvisor() {
        runner.withBean("customAdvisor", ProviderBreakerAdvisor.class, () -> new ProviderBreakerAdvisor(() -> null, () -> null))
                .run(context -> assertThat(context).getBean(ProviderBreakerAdvisor.class)
                        .isSameAs(context.getBean("customAdvisor")));
    }

    @Test
    void guardsAnnotatedMethodsWithAspectJOnTheClassPath() {
        runner.withUserConfiguration(GreeterConfiguration.class).run(context -> {
            Greeter greeter = context.getBean(Greeter.class);
            context.getBean(BreakerRegistry.class).breaker("llm", "*").forceOpen();

            assertThat(AopUtils.isAopProxy(greeter)).isTrue();
            assertThatThrownBy(greeter::greet).isInstanceOf(BreakerOpenException.class);
        });
    }

    @Test
    void guardsAnnotatedMethodsWithoutAspectJ() {
        runner.withClassLoader(new FilteredClassLoader("org.aspectj")).withUserConfiguration(GreeterConfiguration.class)
                .run(context -> {
                    Greeter greeter = context.getBean(Greeter.class);
                    context.getBean(BreakerRegistry.class).breaker("llm", "*").forceOpen();

                    assertThatThrownBy(greeter::greet).isInstanceOf(BreakerOpenException.class);
                });
    }

    @Test
    void leavesMethodsUnguardedWhenBreakersAreSwitchedOff() {
        runner.withPropertyValues("breaker.enabled=false").withUserConfiguration(GreeterConfiguration.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ProviderBreakerAdvisor.class);
                    assertThat(context.getBean(Greeter.class).greet()).isEqualTo("hello");
                });
    }

    @Test
    void stopsTheStartUpWhenTheProviderIsNotConfigured() {
        assertMisuse(UnknownProvider.class, "provider 'nope' is not configured (configured providers: [llm])");
    }

    @Test
    void stopsTheStartUpWhenTheFallbackMethodDoesNotExist() {
        assertMisuse(MissingFallback.class, "fallbackMethod 'cached' does not exist in MissingFallback");
    }

    @Test
    void stopsTheStartUpWhenTheFallbackMethodHasTheWrongSignature() {
        assertMisuse(MismatchedFallback.class, "no method named 'cached' has a fallback's signature: ",
                "cached(String) takes 1 parameters, not 2",
                "cached(Integer, Throwable) does not start with the parameters (String)",
                "cached(String, Throwable) returns Integer, not String",
                "Declare 'String cached(String, Throwable)'");
    }

    @Test
    void stopsTheStartUpWhenTheKeyIsNotAnExpression() {
        assertMisuse(BrokenKey.class, "key '#model +' is not a valid SpEL expression");
    }

    @Test
    void stopsTheStartUpWhenAProxyCannotInterceptTheMethod() {
        assertMisuse(FinalMethod.class, "the method is final, so Spring's proxy cannot intercept it");
    }

    @Test
    void stopsTheStartUpWhenTheReturnTypeHidesTheEndOfTheCall() {
        assertMisuse(PlainFuture.class, "it returns java.util.concurrent.Future, whose end cannot be observed");
    }

    private void assertMisuse(Class<?> bean, String... problem) {
        runner.withBean(bean).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidProviderBreakerException.class)
                    .message().contains(problem);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class GreeterConfiguration {

        @Bean
        Greeter greeter() {
            return new Greeter();
        }
    }

    public static class Greeter {

        @ProviderBreaker("llm")
        public String greet() {
            return "hello";
        }
    }

    public static class UnknownProvider {

        @ProviderBreaker("nope")
        public String call() {
            return "";
        }
    }

    public static class MissingFallback {

        @ProviderBreaker(value = "llm", fallbackMethod = "cached")
        public String call(String model) {
            return model;
        }
    }

    public static class MismatchedFallback {

        @ProviderBreaker(value = "llm", fallbackMethod = "cached")
        public String call(String model) {
            return model;
        }

        String cached(String model) {
            return model;
        }

        String cached(Integer model, Throwable failure) {
            return "";
        }

        Integer cached(String model, Throwable failure) {
            return 0;
        }
    }

    public static class BrokenKey {

        @ProviderBreaker(value = "llm", key = "#model +")
        public String call(String model) {
            return model;
        }
    }

    public static class FinalMethod {

        @ProviderBreaker("llm")
        public final String call() {
            return "";
        }
    }

    public static class PlainFuture {

        @ProviderBreaker("llm")
        public Future<String> call() {
            return CompletableFuture.completedFuture("");
        }
    }
}
