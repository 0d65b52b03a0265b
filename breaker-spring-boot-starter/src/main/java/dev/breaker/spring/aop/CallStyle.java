package dev.breaker.spring.aop;

import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/** When a guarded call is over: when the method returns, or when what it returns completes. */
enum CallStyle {

    /** A plain value (or void): the call is over when the method returns or throws. */
    BLOCKING,

    /** A {@code CompletionStage}, such as a {@code CompletableFuture}: over when it completes. */
    STAGE,

    /** A {@code Mono}: the permit is taken on subscription, the outcome reported on its signal. */
    MONO,

    /** A {@code Flux}: the permit is taken on subscription, the outcome reported when it terminates. */
    FLUX;

    private static final boolean REACTOR = ClassUtils.isPresent("reactor.core.publisher.Mono", CallStyle.class.getClassLoader());

    static CallStyle of(Method method) {
        Class<?> type = method.getReturnType();
        if (CompletionStage.class.isAssignableFrom(type)) {
            return STAGE;
        }
        if (REACTOR && ReactorCalls.isMono(type)) {
            return MONO;
        }
        if (REACTOR && ReactorCalls.isFlux(type)) {
            return FLUX;
        }
        if (Future.class.isAssignableFrom(type) || ReactiveAdapterRegistry.getSharedInstance().getAdapter(type) != null) {
            throw new InvalidProviderBreakerException(Methods.describe(method),
                    "it returns " + type.getName() + ", whose end cannot be observed",
                    "Return a plain value, a Mono, a Flux or a CompletableFuture (convert other reactive types "
                            + "with Mono.from or Flux.from).");
        }
        return BLOCKING;
    }
}
