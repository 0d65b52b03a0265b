package dev.breaker.spring.aop;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code fallbackMethod} of a {@code @ProviderBreaker}: every method of the bean's class with that
 * name, the guarded method's parameters and a trailing {@code Throwable} (or subtype), and a return
 * type the guarded method may return. Resolved and checked once, at start-up.
 *
 * <p>When a call fails, the overload whose exception type is the closest superclass of the failure
 * is called; a failure that no overload accepts is not handled.
 */
final class FallbackMethod {

    private final List<Method> overloads;

    private FallbackMethod(List<Method> overloads) {
        this.overloads = overloads;
    }

    /**
     * The fallback named {@code name} for {@code guarded}, looked up on {@code targetClass} and its
     * superclasses; null when {@code name} is empty.
     */
    static FallbackMethod resolve(String name, Method guarded, Class<?> targetClass) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        Class<?>[] parameters = guarded.getParameterTypes();
        List<Method> overloads = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (Method candidate : ReflectionUtils.getUniqueDeclaredMethods(targetClass, m -> m.getName().equals(name))) {
            String problem = mismatch(candidate, guarded, parameters);
            if (problem == null) {
                ReflectionUtils.makeAccessible(candidate);
                overloads.add(candidate);
            } else {
                rejected.add(name + Methods.parameters(candidate.getParameterTypes()) + " " + problem);
            }
        }
        if (overloads.isEmpty()) {
            String expected = guarded.getReturnType().getSimpleName() + " " + name
                    + Methods.parameters(append(parameters, Throwable.class));
            String problem = rejected.isEmpty()
                    ? "fallbackMethod '" + name + "' does not exist in " + targetClass.getSimpleName()
                    : "no method named '" + name + "' has a fallback's signature: " + String.join("; ", rejected);
            throw new InvalidProviderBreakerException(Methods.describe(guarded), problem,
                    "Declare '" + expected + "' in " + targetClass.getName() + " (the trailing parameter may be any "
                            + "Throwable type, such as BreakerOpenException), or correct the fallbackMethod name.");
        }
        return new FallbackMethod(List.copyOf(overloads));
    }

    private static String mismatch(Method candidate, Method guarded, Class<?>[] parameters) {
        Class<?>[] own = candidate.getParameterTypes();
        if (own.length != parameters.length + 1) {
            return "takes " + own.length + " parameters, not " + (parameters.length + 1);
        }
        if (!Arrays.equals(Arrays.copyOf(own, parameters.length), parameters)) {
            return "does not start with the parameters " + Methods.parameters(parameters);
        }
        if (!Throwable.class.isAssignableFrom(own[parameters.length])) {
            return "does not end with a Throwable parameter";
        }
        if (!ClassUtils.isAssignable(guarded.getReturnType(), candidate.getReturnType())) {
            return "returns " + candidate.getReturnType().getSimpleName() + ", not "
                    + guarded.getReturnType().getSimpleName();
        }
        return null;
    }

    /** Whether an overload accepts {@code failure}. */
    boolean handles(Throwable failure) {
        return closest(failure) != null;
    }

    /**
     * Calls the closest overload. What the fallback throws propagates unchanged.
     *
     * @param target the bean (not its proxy: the fallback is not guarded itself)
     */
    Object invoke(Object target, Object[] arguments, Throwable failure) throws Throwable {
        Method method = closest(failure);
        if (method == null) {
            throw failure;
        }
        Object[] withFailure = Arrays.copyOf(arguments, arguments.length + 1);
        withFailure[arguments.length] = failure;
        try {
            return method.invoke(Modifier.isStatic(method.getModifiers()) ? null : target, withFailure);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Method closest(Throwable failure) {
        Method best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Method overload : overloads) {
            Class<?> accepted = overload.getParameterTypes()[overload.getParameterCount() - 1];
            int distance = distance(failure.getClass(), accepted);
            if (distance < bestDistance) {
                best = overload;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Superclass steps from {@code type} up to {@code accepted}; MAX_VALUE when it is not one. */
    private static int distance(Class<?> type, Class<?> accepted) {
        if (!accepted.isAssignableFrom(type)) {
            return Integer.MAX_VALUE;
        }
        if (accepted.isInterface()) {
            return Integer.MAX_VALUE - 1;
        }
        int distance = 0;
        for (Class<?> current = type; current != accepted; current = current.getSuperclass()) {
            distance++;
        }
        return distance;
    }

    private static Class<?>[] append(Class<?>[] types, Class<?> last) {
        Class<?>[] all = Arrays.copyOf(types, types.length + 1);
        all[types.length] = last;
        return all;
    }
}
