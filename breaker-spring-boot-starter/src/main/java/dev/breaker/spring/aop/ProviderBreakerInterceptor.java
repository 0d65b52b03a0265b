package dev.breaker.spring.aop;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.provider.BreakerProviders;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;

import java.util.function.Supplier;

/** Runs each {@code @ProviderBreaker} method through its provider's breaker. */
public final class ProviderBreakerInterceptor implements MethodInterceptor {

    private final GuardedMethods methods;

    /** The suppliers are asked on the first guarded call, not before. */
    public ProviderBreakerInterceptor(Supplier<BreakerRegistry> registry, Supplier<BreakerProviders> providers) {
        this.methods = new GuardedMethods(registry, providers);
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object target = invocation.getThis();
        Class<?> targetClass = target != null ? AopUtils.getTargetClass(target) : invocation.getMethod().getDeclaringClass();
        GuardedMethod guarded = methods.find(invocation.getMethod(), targetClass);
        return guarded == null ? invocation.proceed() : guarded.invoke(invocation);
    }
}
