package dev.breaker.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code breaker.fallback.chat-models} is set, written as one comma-separated value or as
 * a YAML list ({@code @ConditionalOnProperty} sees only the first form). An empty value matches too,
 * so that it is reported rather than silently ignored.
 */
class OnFallbackChainCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean set = context.getEnvironment().containsProperty(FallbackChainResolver.PROPERTY)
                || Binder.get(context.getEnvironment())
                        .bind(FallbackChainResolver.PROPERTY, Bindable.listOf(String.class)).isBound();
        return set ? ConditionOutcome.match(FallbackChainResolver.PROPERTY + " is set")
                : ConditionOutcome.noMatch(FallbackChainResolver.PROPERTY + " is not set");
    }
}
