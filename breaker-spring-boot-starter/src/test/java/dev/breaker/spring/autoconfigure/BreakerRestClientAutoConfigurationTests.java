package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.outbound.OutboundGuard;
import dev.breaker.spring.web.client.BreakerClientHttpRequestInterceptor;
import dev.breaker.spring.web.client.BreakerRestClientCustomizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerRestClientAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class,
                    BreakerOutboundGuardAutoConfiguration.class,
                    BreakerRestClientAutoConfiguration.class, RestClientAutoConfiguration.class))
            .withPropertyValues("breaker.providers.openai.base-url=https://api.openai.com/v1");

    @Test
    void autoConfiguresClientHttpRequestInterceptor() {
        contextRunner.run(context -> assertThat(context).hasSingleBean(BreakerClientHttpRequestInterceptor.class));
    }

    @Test
    void allowsCustomClientHttpRequestInterceptor() {
        contextRunner.withUserConfiguration(CustomInterceptor.class).run(context -> {
            assertThat(context).hasSingleBean(BreakerClientHttpRequestInterceptor.class);
            assertThat(context).getBean(BreakerClientHttpRequestInterceptor.class)
                    .isSameAs(context.getBean("customInterceptor"));
            assertThat(interceptorsOf(context.getBean(RestClient.Builder.class)))
                    .contains(context.getBean(BreakerClientHttpRequestInterceptor.class));
        });
    }

    @Test
    void autoConfiguresRestClientCustomizer() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(BreakerRestClientCustomizer.class);
            assertThat(interceptorsOf(context.getBean(RestClient.Builder.class)))
                    .containsExactly(context.getBean(BreakerClientHttpRequestInterceptor.class));
        });
    }

    @Test
    void allowsCustomRestClientCustomizer() {
        contextRunner.withUserConfiguration(CustomCustomizer.class).run(context -> {
            assertThat(context).hasSingleBean(BreakerRestClientCustomizer.class);
            assertThat(context).getBean(BreakerRestClientCustomizer.class).isSameAs(context.getBean("customCustomizer"));
        });
    }

    @Test
    void addsTheInterceptorOnlyOnceToABuilder() {
        contextRunner.run(context -> {
            RestClient.Builder builder = context.getBean(RestClient.Builder.class);
            context.getBean(BreakerRestClientCustomizer.class).customize(builder);

            assertThat(interceptorsOf(builder)).hasSize(1);
        });
    }

    @Test
    void keepsTheInterceptorForHandBuiltClientsWithoutSpringBootsRestClientModule() {
        contextRunner.withClassLoader(new FilteredClassLoader(RestClientCustomizer.class)).run(context -> {
            assertThat(context).hasSingleBean(BreakerClientHttpRequestInterceptor.class);
            assertThat(context).doesNotHaveBean(BreakerRestClientCustomizer.class);
        });
    }

    @Test
    void backsOffWithoutRestClient() {
        contextRunner.withClassLoader(new FilteredClassLoader(RestClient.class)).run(context -> {
            assertThat(context).hasSingleBean(BreakerRegistry.class);
            assertThat(context).doesNotHaveBean(BreakerClientHttpRequestInterceptor.class);
            assertThat(context).doesNotHaveBean(BreakerRestClientCustomizer.class);
        });
    }

    @Test
    void keepsTheInterceptorForHandBuiltClientsWhenBreakersAreDisabled() {
        contextRunner.withPropertyValues("breaker.enabled=false").run(context -> {
            assertThat(context).hasSingleBean(BreakerClientHttpRequestInterceptor.class);
            assertThat(interceptorsOf(context.getBean(RestClient.Builder.class)))
                    .containsExactly(context.getBean(BreakerClientHttpRequestInterceptor.class));
        });
    }

    private static List<ClientHttpRequestInterceptor> interceptorsOf(RestClient.Builder builder) {
        List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>();
        builder.requestInterceptors(interceptors::addAll);
        return interceptors;
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomInterceptor {

        @Bean
        BreakerClientHttpRequestInterceptor customInterceptor(OutboundGuard guard) {
            return new BreakerClientHttpRequestInterceptor(guard);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomCustomizer {

        @Bean
        BreakerRestClientCustomizer customCustomizer(BreakerClientHttpRequestInterceptor interceptor) {
            return new BreakerRestClientCustomizer(interceptor);
        }
    }
}
