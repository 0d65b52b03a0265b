package dev.breaker.spring.autoconfigure.diagnostics;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.ClassUtils;

/**
 * A missing {@code WebClient.Builder} or {@code RestClient.Builder} bean, reported with the dependency
 * that brings it. Spring Boot 4 moved both builders into modules of their own, so an application that
 * has WebFlux or Spring MVC but not the client module gets only Spring's generic "could not be found",
 * and the breakers' outbound filter, which those builders carry, never runs.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingClientBuilderFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

    private static final String WEB_CLIENT_BUILDER = "org.springframework.web.reactive.function.client.WebClient$Builder";
    private static final String REST_CLIENT_BUILDER = "org.springframework.web.client.RestClient$Builder";

    private final ClassLoader classLoader;

    MissingClientBuilderFailureAnalyzer(BeanFactory beanFactory) {
        this.classLoader = beanFactory instanceof ConfigurableBeanFactory configurable
                && configurable.getBeanClassLoader() != null ? configurable.getBeanClassLoader()
                : ClassUtils.getDefaultClassLoader();
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        Class<?> type = cause.getResolvableType() != null ? cause.getResolvableType().resolve() : cause.getBeanType();
        if (type == null) {
            return null;
        }
        if (WEB_CLIENT_BUILDER.equals(type.getName())
                && !present("org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")) {
            return analysis("WebClient.Builder", "spring-boot-starter-webclient", cause);
        }
        if (REST_CLIENT_BUILDER.equals(type.getName())
                && !present("org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")) {
            return analysis("RestClient.Builder", "spring-boot-starter-restclient", cause);
        }
        return null;
    }

    private static FailureAnalysis analysis(String builder, String starter, NoSuchBeanDefinitionException cause) {
        return new FailureAnalysis("A component needs a " + builder + " bean, and none is configured: in Spring Boot 4 "
                + "the " + builder + " comes from org.springframework.boot:" + starter + ", which is not on the "
                + "class path.", "Add org.springframework.boot:" + starter + " to your dependencies. Clients built "
                + "from that builder are also guarded by the circuit breakers (breaker.providers.<name>.base-url).",
                cause);
    }

    private boolean present(String className) {
        return ClassUtils.isPresent(className, classLoader);
    }
}
