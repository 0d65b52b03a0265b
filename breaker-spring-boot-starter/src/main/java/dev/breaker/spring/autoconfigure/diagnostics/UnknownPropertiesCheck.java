package dev.breaker.spring.autoconfigure.diagnostics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds keys under {@code breaker.*} that no setting reads, before any bean is created.
 *
 * <p>What is valid comes from the {@code @ConfigurationProperties} classes bound under {@code breaker}
 * (Spring Boot's binder tells which keys it bound; the classes give the names to suggest), never from
 * a list kept by hand. Unknown keys written in configuration files, arguments or system properties stop
 * the start-up: a misspelt {@code failure-treshold} would otherwise leave a breaker on a default nobody
 * chose. Unknown keys from operating-system environment variables are only logged, because platforms
 * write variables of their own there (Kubernetes adds {@code BREAKER_SERVICE_HOST} for a service named
 * {@code breaker}).
 */
final class UnknownPropertiesCheck implements BeanFactoryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(UnknownPropertiesCheck.class);

    static final String ROOT = "breaker";

    private final Environment environment;

    UnknownPropertiesCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<UnknownProperty> unknown = find(roots(beanFactory));
        List<UnknownProperty> fromFiles = new ArrayList<>();
        for (UnknownProperty property : unknown) {
            if (property.fromEnvironmentVariable()) {
                log.warn("Ignoring {} from {}: no circuit breaker setting has that name{}", property.name(),
                        property.origin() != null ? property.origin() : "an environment variable",
                        property.closest() != null ? "; did you mean " + property.closest() + "?" : "");
            } else {
                fromFiles.add(property);
            }
        }
        if (!fromFiles.isEmpty()) {
            throw new UnknownBreakerPropertiesException(fromFiles);
        }
    }

    /** Every key that the given roots (prefix to class) leave unbound, each checked by its own root only. */
    List<UnknownProperty> find(Map<String, Class<?>> roots) {
        List<String> templates = new ArrayList<>();
        roots.forEach((prefix, type) -> templates.addAll(PropertyTemplates.of(prefix, type)));
        List<UnknownProperty> unknown = new ArrayList<>();
        roots.forEach((prefix, type) -> {
            for (ConfigurationProperty property : unbound(prefix, type)) {
                if (!underAnotherRoot(property.getName(), prefix, roots)) {
                    unknown.add(describe(property, templates));
                }
            }
        });
        return unknown;
    }

    private List<ConfigurationProperty> unbound(String prefix, Class<?> type) {
        try {
            Binder.get(environment).bind(prefix, Bindable.of(type),
                    new NoUnboundElementsBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler()));
            return List.of();
        } catch (BindException e) {
            if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
                return List.copyOf(unbound.getUnboundProperties());
            }
            return List.of(); // a value that does not convert: Spring Boot's own binding reports it
        }
    }

    private static boolean underAnotherRoot(ConfigurationPropertyName name, String prefix, Map<String, Class<?>> roots) {
        return roots.keySet().stream().anyMatch(other -> other.length() > prefix.length()
                && ConfigurationPropertyName.of(other).isAncestorOf(name));
    }

    private static UnknownProperty describe(ConfigurationProperty property, List<String> templates) {
        String name = property.getName().toString();
        boolean environmentVariable = property.getSource() != null
                && property.getSource().getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
        return new UnknownProperty(name, property.getValue(), property.getOrigin(), environmentVariable,
                ClosestKey.to(name, templates));
    }

    /** The {@code @ConfigurationProperties} classes registered under {@code breaker}, by prefix. */
    private static Map<String, Class<?>> roots(ConfigurableListableBeanFactory beanFactory) {
        Map<String, Class<?>> roots = new LinkedHashMap<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getMergedBeanDefinition(name).getResolvableType().resolve();
            if (type == null) {
                continue;
            }
            MergedAnnotation<ConfigurationProperties> annotation =
                    MergedAnnotations.from(type).get(ConfigurationProperties.class);
            if (annotation.isPresent()) {
                String prefix = annotation.getString("prefix");
                if (ROOT.equals(prefix) || prefix.startsWith(ROOT + ".")) {
                    roots.putIfAbsent(prefix, type);
                }
            }
        }
        return roots;
    }
}
