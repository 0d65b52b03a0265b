package dev.breaker.spring.aop;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import dev.breaker.spring.ProviderBreaker;
import dev.breaker.spring.judge.ResponseJudge;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.ProviderSettings;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.function.SingletonSupplier;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Resolves {@code @ProviderBreaker} methods into {@link GuardedMethod}s, checking every rule that can
 * be checked before the first call, and remembers them. The registry is looked up on first use, so
 * that creating this object early (as proxy infrastructure is) creates no breaker bean early.
 */
final class GuardedMethods {

    private final Supplier<BreakerRegistry> registry;
    private final Supplier<BreakerProviders> providers;
    private final Map<MethodClassKey, Optional<GuardedMethod>> resolved = new ConcurrentHashMap<>();

    GuardedMethods(Supplier<BreakerRegistry> registry, Supplier<BreakerProviders> providers) {
        this.registry = SingletonSupplier.of(registry);
        this.providers = SingletonSupplier.of(providers);
    }

    /** The guarded form of {@code method} as called on {@code targetClass}, or null when it is not annotated. */
    GuardedMethod find(Method method, Class<?> targetClass) {
        return resolved.computeIfAbsent(new MethodClassKey(method, targetClass),
                key -> Optional.ofNullable(resolve(method, targetClass))).orElse(null);
    }

    /**
     * Resolves {@code method}, or returns null when it carries no annotation.
     *
     * @throws InvalidProviderBreakerException when the annotation cannot work as written
     */
    GuardedMethod resolve(Method method, Class<?> targetClass) {
        Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
        ProviderBreaker annotation = AnnotatedElementUtils.findMergedAnnotation(specific, ProviderBreaker.class);
        if (annotation == null) {
            return null;
        }
        checkInterceptable(specific);
        String name = annotation.value();
        BreakerRegistry registry = this.registry.get();
        ProviderBreakers breakers = registry.findProvider(name);
        if (breakers == null) {
            throw new InvalidProviderBreakerException(Methods.describe(specific),
                    "provider '" + name + "' is not configured (configured providers: " + registry.providerNames() + ")",
                    "Configure it under breaker.providers." + name + " (for example breaker.providers." + name
                            + ".failure-statuses=429,503), or name one of the configured providers.");
        }
        ProviderSettings settings = providers.get().get(name);
        CallStyle style = CallStyle.of(specific);
        KeyExpression key = KeyExpression.parse(annotation.key(), specific);
        FallbackMethod fallback = FallbackMethod.resolve(annotation.fallbackMethod(), specific, targetClass);
        return new GuardedMethod(breakers, settings.enabled(), key, fallback,
                ResponseJudge.of(settings, registry.clock()), style);
    }

    private static void checkInterceptable(Method method) {
        int modifiers = method.getModifiers();
        String kind = Modifier.isPrivate(modifiers) ? "private" : Modifier.isStatic(modifiers) ? "static"
                : Modifier.isFinal(modifiers) ? "final" : null;
        if (kind != null) {
            throw new InvalidProviderBreakerException(Methods.describe(method),
                    "the method is " + kind + ", so Spring's proxy cannot intercept it and no breaker would guard it",
                    "Make it a public instance method that is not final, and call it through the bean.");
        }
    }
}
