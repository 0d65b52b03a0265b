package dev.breaker.spring.aop;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.CallResult;
import dev.breaker.core.classify.Failures;
import dev.breaker.core.registry.ProviderBreakers;
import dev.breaker.spring.judge.CallReport;
import dev.breaker.spring.judge.ResponseJudge;
import org.aopalliance.intercept.MethodInvocation;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One {@code @ProviderBreaker} method, resolved once: its provider's breakers, key, fallback and the
 * way its outcome is observed. Every path that takes a permit reports an outcome and releases the
 * permit exactly once, before any fallback runs.
 */
final class GuardedMethod {

    private final ProviderBreakers breakers;
    private final boolean enabled;
    private final KeyExpression key;
    private final FallbackMethod fallback;
    private final ResponseJudge judge;
    private final CallStyle style;

    GuardedMethod(ProviderBreakers breakers, boolean enabled, KeyExpression key, FallbackMethod fallback,
                  ResponseJudge judge, CallStyle style) {
        this.breakers = breakers;
        this.enabled = enabled;
        this.key = key;
        this.fallback = fallback;
        this.judge = judge;
        this.style = style;
    }

    Object invoke(MethodInvocation invocation) throws Throwable {
        if (!enabled) {
            return invocation.proceed();
        }
        String key = this.key.evaluate(invocation.getArguments());
        return switch (style) {
            case BLOCKING -> blocking(invocation, key);
            case STAGE -> stage(invocation, key);
            case MONO -> ReactorCalls.mono(this, invocation, key);
            case FLUX -> ReactorCalls.flux(this, invocation, key);
        };
    }

    private Object blocking(MethodInvocation invocation, String key) throws Throwable {
        CallReport report;
        try {
            report = admit(key);
        } catch (BreakerOpenException refused) {
            return recover(invocation, refused);
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable failure) {
            report.report(outcomeOf(failure));
            return recover(invocation, failure);
        }
        report.report(CallResult.SUCCESS);
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object stage(MethodInvocation invocation, String key) {
        CompletionStage<Object> stage = null;
        CallReport guard;
        try {
            guard = admit(key);
        } catch (BreakerOpenException refused) {
            guard = null;
            stage = CompletableFuture.failedFuture(refused);
        }
        if (guard != null) {
            CallReport report = guard;
            try {
                stage = (CompletionStage<Object>) invocation.proceed();
            } catch (Throwable failure) {
                stage = CompletableFuture.failedFuture(failure);
            }
            if (stage == null) {
                report.report(CallResult.SUCCESS);
                return null;
            }
            stage = stage.whenComplete((value, failure) -> report.report(failure == null ? CallResult.SUCCESS
                    : outcomeOf(failure)));
        }
        if (fallback == null) {
            return stage;
        }
        return stage.exceptionallyCompose(failure -> {
            Throwable error = Failures.unwrap(failure);
            try {
                return (CompletionStage) recover(invocation, error);
            } catch (Throwable unhandled) {
                return CompletableFuture.failedFuture(unhandled);
            }
        });
    }

    /**
     * Admits a call on {@code key} and returns its report, timed from now when the provider judges
     * slow calls; creates no breaker until an outcome counts.
     *
     * @throws BreakerOpenException when the key's breaker refuses the call
     */
    CallReport admit(String key) {
        return judge.report(breakers.acquire(key));
    }

    /** What a failed call means: a cancellation counts for nothing, other failures as {@link ResponseJudge#ofException} judges them. */
    CallResult outcomeOf(Throwable failure) {
        if (Failures.unwrap(failure) instanceof CancellationException) {
            return CallResult.IGNORED;
        }
        return judge.ofException(failure);
    }

    boolean hasFallback() {
        return fallback != null;
    }

    boolean recovers(Throwable failure) {
        return fallback != null && fallback.handles(failure);
    }

    /** The fallback's result for {@code failure}; rethrows it when no fallback accepts it. */
    Object recover(MethodInvocation invocation, Throwable failure) throws Throwable {
        if (!recovers(failure)) {
            throw failure;
        }
        return fallback.invoke(invocation.getThis(), invocation.getArguments(), failure);
    }
}
