package dev.breaker.spring.autoconfigure.diagnostics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import java.util.Locale;
import java.util.Set;

/**
 * Says at start-up when the application exposes the {@code circuitbreakers} endpoint but Spring Boot
 * Actuator, which serves it, is not on the class path: otherwise {@code /actuator/circuitbreakers}
 * is a bare 404 and the log says nothing.
 */
final class ActuatorExposureCheck implements SmartInitializingSingleton, BeanClassLoaderAware {

    private static final Logger log = LoggerFactory.getLogger(ActuatorExposureCheck.class);

    static final String ACTUATOR_ENDPOINTS =
            "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint";

    private static final Set<String> OUR_ENDPOINTS = Set.of("circuitbreakers", "providerbreakers", "*");

    private final Environment environment;
    private ClassLoader classLoader = ActuatorExposureCheck.class.getClassLoader();

    ActuatorExposureCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (ClassUtils.isPresent(ACTUATOR_ENDPOINTS, classLoader)) {
            return;
        }
        Binder.get(environment).bind("management.endpoints.web.exposure.include", Bindable.setOf(String.class))
                .ifBound(exposed -> exposed.stream()
                        .map(id -> id.trim().toLowerCase(Locale.ROOT))
                        .filter(OUR_ENDPOINTS::contains)
                        .findFirst()
                        .ifPresent(id -> log.warn("management.endpoints.web.exposure.include names '{}', but Spring "
                                + "Boot Actuator is not on the class path, so /actuator/circuitbreakers answers 404: "
                                + "add org.springframework.boot:spring-boot-starter-actuator", id)));
    }
}
