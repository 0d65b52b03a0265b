package dev.breaker.spring.aop;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.CallResult;
import dev.breaker.spring.judge.CallReport;
import org.aopalliance.intercept.MethodInvocation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Guards a {@code Mono} or {@code Flux}. The method runs when it is called, as usual; its publisher is
 * subscribed to only when the breaker admits the call, so a rejected call sends nothing upstream.
 * Every subscription (a {@code retry()} too) asks the breaker again. A Mono reports on its value or
 * completion, a Flux on completion (its first element is its first sign of an answer, and a probe
 * reports there); either reports an error by its exception, and a cancellation as ignored. Loaded only when Reactor is on the class path.
 */
final class ReactorCalls {

    private ReactorCalls() {
    }

    static boolean isMono(Class<?> type) {
        return Mono.class.isAssignableFrom(type);
    }

    static boolean isFlux(Class<?> type) {
        return Flux.class.isAssignableFrom(type);
    }

    @SuppressWarnings("unchecked")
    static Mono<Object> mono(GuardedMethod method, MethodInvocation invocation, String key) {
        Mono<Object> source;
        try {
            source = (Mono<Object>) invocation.proceed();
        } catch (Throwable failure) {
            source = Mono.error(failure);
        }
        if (source == null) {
            return null;
        }
        Mono<Object> body = source;
        Mono<Object> guarded = Mono.defer(() -> {
            CallReport guard;
            try {
                guard = method.admit(key);
            } catch (BreakerOpenException refused) {
                return Mono.error(refused);
            }
            return body.doOnSuccess(value -> guard.report(CallResult.SUCCESS))
                    .doOnError(failure -> guard.report(method.outcomeOf(failure)))
                    .doOnCancel(() -> guard.report(CallResult.IGNORED))
                    .doFinally(signal -> guard.report(CallResult.IGNORED));
        });
        if (!method.hasFallback()) {
            return guarded;
        }
        return guarded.onErrorResume(method::recovers, failure -> {
            try {
                return (Mono<Object>) method.recover(invocation, failure);
            } catch (Throwable unhandled) {
                return Mono.error(unhandled);
            }
        });
    }

    @SuppressWarnings("unchecked")
    static Flux<Object> flux(GuardedMethod method, MethodInvocation invocation, String key) {
        Flux<Object> source;
        try {
            source = (Flux<Object>) invocation.proceed();
        } catch (Throwable failure) {
            source = Flux.error(failure);
        }
        if (source == null) {
            return null;
        }
        Flux<Object> body = source;
        Flux<Object> guarded = Flux.defer(() -> {
            CallReport guard;
            try {
                guard = method.admit(key);
            } catch (BreakerOpenException refused) {
                return Flux.error(refused);
            }
            return body.doOnNext(first -> guard.firstContent())
                    .doOnComplete(() -> guard.report(CallResult.SUCCESS))
                    .doOnError(failure -> guard.report(method.outcomeOf(failure)))
                    .doOnCancel(() -> guard.report(CallResult.IGNORED))
                    .doFinally(signal -> guard.report(CallResult.IGNORED));
        });
        if (!method.hasFallback()) {
            return guarded;
        }
        return guarded.onErrorResume(method::recovers, failure -> {
            try {
                return (Flux<Object>) method.recover(invocation, failure);
            } catch (Throwable unhandled) {
                return Flux.error(unhandled);
            }
        });
    }
}
