package dev.breaker.spring.autoconfigure.diagnostics;

import dev.breaker.spring.ProviderBreaker;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.ProviderSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Says at start-up when a configured provider cannot be reached the way its configuration suggests.
 *
 * <p>A provider is selected by a door: its {@code path-prefix} (the inbound filter, WebFlux only), its
 * {@code base-url} (clients built from Spring Boot's {@code WebClient} or {@code RestClient} builder,
 * Spring AI's models, the SDK adapters), a {@code @ProviderBreaker} that names it, or, at run time, code
 * that names it (the request attribute {@code dev.breaker.provider}, an SDK adapter given its name).
 * Warnings are only given for what is certain: a {@code path-prefix} with no inbound filter, a
 * {@code base-url} with no client that reads it, a provider nothing at all can select. A provider
 * that only code naming it can select is reported at INFO, since that is a documented way to use it.
 */
final class ProviderSelectionCheck implements SmartInitializingSingleton, BeanClassLoaderAware {

    private static final Logger log = LoggerFactory.getLogger(ProviderSelectionCheck.class);

    static final String INBOUND_FILTER = "dev.breaker.spring.web.server.BreakerWebFilter";

    /** Beans through which a {@code base-url} selects a provider. */
    static final List<String> BASE_URL_DOORS = List.of(
            "dev.breaker.spring.web.client.BreakerWebClientCustomizer",
            "dev.breaker.spring.web.client.BreakerRestClientCustomizer",
            "dev.breaker.spring.llm.SpringAiAnthropicBreakerCustomizer",
            "dev.breaker.spring.llm.SpringAiOpenAiBreakerCustomizer",
            "dev.breaker.spring.llm.AnthropicBreakerInterceptor",
            "dev.breaker.spring.llm.OpenAiBreakers",
            "dev.breaker.spring.llm.LangChain4jBreakers");

    /** Beans through which code can name a provider at run time. */
    static final List<String> NAMING_DOORS = List.of(
            "dev.breaker.spring.web.client.BreakerExchangeFilterFunction",
            "dev.breaker.spring.web.client.BreakerClientHttpRequestInterceptor",
            "dev.breaker.spring.llm.AnthropicBreakerInterceptor",
            "dev.breaker.spring.llm.OpenAiBreakers",
            "dev.breaker.spring.llm.LangChain4jBreakers");

    private final ListableBeanFactory beanFactory;
    private final BreakerProviders providers;
    private ClassLoader classLoader = ProviderSelectionCheck.class.getClassLoader();

    ProviderSelectionCheck(ListableBeanFactory beanFactory, BreakerProviders providers) {
        this.beanFactory = beanFactory;
        this.providers = providers;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean inbound = hasBean(INBOUND_FILTER);
        boolean baseUrlDoor = BASE_URL_DOORS.stream().anyMatch(this::hasBean);
        boolean namingDoor = NAMING_DOORS.stream().anyMatch(this::hasBean);
        Set<String> annotated = annotatedProviders();
        for (ProviderSettings provider : providers.all()) {
            if (provider.enabled()) {
                check(provider, inbound, baseUrlDoor, namingDoor, annotated.contains(provider.name()));
            }
        }
    }

    private void check(ProviderSettings provider, boolean inbound, boolean baseUrlDoor, boolean namingDoor,
                       boolean annotated) {
        String name = provider.name();
        if (provider.pathPrefix() != null && !inbound) {
            log.warn("Provider '{}' has path-prefix {}, but no inbound filter is running, so it guards no request: "
                    + "the inbound filter needs a reactive web application (add org.springframework.boot:"
                    + "spring-boot-starter-webflux; a servlet application selects providers by base-url or "
                    + "@ProviderBreaker instead)", name, provider.pathPrefix());
            return;
        }
        if (provider.baseUrl() != null && !baseUrlDoor) {
            log.warn("Provider '{}' has base-url {}, but no client built by Spring Boot reads it: add "
                    + "org.springframework.boot:spring-boot-starter-webclient (WebClient) or "
                    + "spring-boot-starter-restclient (RestClient), unless you add the BreakerExchangeFilterFunction "
                    + "or BreakerClientHttpRequestInterceptor bean to clients you build yourself",
                    name, provider.baseUrl());
            return;
        }
        if (provider.pathPrefix() != null || provider.baseUrl() != null || annotated) {
            return;
        }
        if (namingDoor) {
            log.info("Provider '{}' has no path-prefix or base-url and no @ProviderBreaker names it: only calls that "
                    + "name it select it (the request attribute dev.breaker.provider on a WebClient or RestClient "
                    + "call, or an SDK adapter given its name)", name);
        } else {
            log.warn("Provider '{}' can never be selected: it has no path-prefix or base-url, no @ProviderBreaker "
                    + "names it, and no client in this application can name it; give it a path-prefix (inbound) or "
                    + "a base-url (outbound), or remove it", name);
        }
    }

    private boolean hasBean(String className) {
        if (!ClassUtils.isPresent(className, classLoader)) {
            return false;
        }
        return beanFactory.getBeanNamesForType(ClassUtils.resolveClassName(className, classLoader), true, false).length > 0;
    }

    /** Providers named by a {@code @ProviderBreaker} on a method of any bean. */
    private Set<String> annotatedProviders() {
        Set<String> names = new HashSet<>();
        for (String beanName : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getType(beanName, false);
            if (type == null) {
                continue;
            }
            Class<?> userType = ClassUtils.getUserClass(type);
            if (AnnotationUtils.isCandidateClass(userType, ProviderBreaker.class)) {
                ReflectionUtils.doWithMethods(userType, method -> {
                    ProviderBreaker annotation = AnnotatedElementUtils.findMergedAnnotation(method, ProviderBreaker.class);
                    if (annotation != null) {
                        names.add(annotation.value());
                    }
                });
            }
        }
        return names;
    }
}
