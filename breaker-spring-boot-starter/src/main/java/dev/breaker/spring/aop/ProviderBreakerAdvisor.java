package dev.breaker.spring.aop;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.ProviderBreaker;
import dev.breaker.spring.provider.BreakerProviders;
import org.aopalliance.aop.Advice;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;

import java.util.function.Supplier;

/**
 * Applies {@link ProviderBreakerInterceptor} to every method annotated with {@link ProviderBreaker}
 * (on the class or on an interface it implements). A plain Spring AOP advisor: it needs spring-aop
 * only, not AspectJ, and is picked up by whichever auto-proxy creator the application has.
 */
public final class ProviderBreakerAdvisor extends AbstractPointcutAdvisor {

    private final Pointcut pointcut = new AnnotationMatchingPointcut(null, ProviderBreaker.class, true);
    private final ProviderBreakerInterceptor interceptor;

    public ProviderBreakerAdvisor(Supplier<BreakerRegistry> registry, Supplier<BreakerProviders> providers) {
        this.interceptor = new ProviderBreakerInterceptor(registry, providers);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return interceptor;
    }
}
