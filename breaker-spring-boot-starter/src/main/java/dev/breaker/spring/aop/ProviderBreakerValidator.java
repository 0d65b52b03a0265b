package dev.breaker.spring.aop;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.ProviderBreaker;
import dev.breaker.spring.provider.BreakerProviders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks every {@code @ProviderBreaker} of a bean when the bean is created: a misused annotation
 * (unknown provider, missing or mismatched fallback, a key that does not parse, a method a proxy
 * cannot intercept) fails the bean's creation, and with it the start-up, rather than its first call.
 *
 * <p>Not {@code Ordered}, so it runs after the auto-proxy creator and can also warn about a bean that
 * ended up without the breaker's advice (auto-proxying switched off with {@code spring.aop.auto=false}).
 */
public final class ProviderBreakerValidator implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(ProviderBreakerValidator.class);

    private final GuardedMethods methods;

    public ProviderBreakerValidator(Supplier<BreakerRegistry> registry, Supplier<BreakerProviders> providers) {
        this.methods = new GuardedMethods(registry, providers);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
        if (!AnnotationUtils.isCandidateClass(type, ProviderBreaker.class)) {
            return bean;
        }
        Set<Method> annotated = MethodIntrospector.selectMethods(type,
                (ReflectionUtils.MethodFilter) method -> AnnotatedElementUtils.hasAnnotation(method, ProviderBreaker.class));
        if (annotated.isEmpty()) {
            return bean;
        }
        annotated.forEach(method -> methods.resolve(method, type));
        if (!isGuarded(bean)) {
            log.warn("Bean '{}' has @ProviderBreaker methods but is not proxied by the breaker's advisor, so no "
                    + "breaker guards them; is auto-proxying switched off (spring.aop.auto=false)?", beanName);
        }
        return bean;
    }

    private static boolean isGuarded(Object bean) {
        if (bean instanceof Advised advised) {
            for (Advisor advisor : advised.getAdvisors()) {
                if (advisor.getAdvice() instanceof ProviderBreakerInterceptor) {
                    return true;
                }
            }
        }
        return false;
    }
}
