package dev.breaker.spring.aop;

import dev.breaker.spring.provider.ProviderSettings;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

import java.lang.reflect.Method;

/**
 * The {@code key} of a {@code @ProviderBreaker}: a SpEL expression over the method's arguments, by
 * name ({@code #model}, when the code is compiled with {@code -parameters}, as the Spring Boot parent
 * does) or by position ({@code #p0}, {@code #a0}). The expression is parsed once, at start-up.
 *
 * <p>It is evaluated in a {@link SimpleEvaluationContext}: properties and instance methods of the
 * arguments only, no type references or bean lookups, since a key needs nothing more.
 */
final class KeyExpression {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Expression expression;
    private final String[] parameterNames;

    private KeyExpression(Expression expression, String[] parameterNames) {
        this.expression = expression;
        this.parameterNames = parameterNames;
    }

    /** The key for {@code text} on {@code method}; an empty text means the whole provider ({@code *}). */
    static KeyExpression parse(String text, Method method) {
        if (text == null || text.isBlank()) {
            return new KeyExpression(null, null);
        }
        try {
            return new KeyExpression(PARSER.parseExpression(text), NAMES.getParameterNames(method));
        } catch (ParseException e) {
            throw new InvalidProviderBreakerException(Methods.describe(method),
                    "key '" + text + "' is not a valid SpEL expression (" + e.getMessage() + ")",
                    "Write the key as a SpEL expression over the method's arguments, such as key = \"#model\" or "
                            + "key = \"#p0\", or leave it out to use one breaker for the whole provider.");
        }
    }

    /** The breaker key for these arguments: the expression's value as a string, {@code -} for null. */
    String evaluate(Object[] arguments) {
        if (expression == null) {
            return ProviderSettings.WHOLE_PROVIDER;
        }
        EvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().withInstanceMethods().build();
        for (int i = 0; i < arguments.length; i++) {
            if (parameterNames != null && parameterNames[i] != null) {
                context.setVariable(parameterNames[i], arguments[i]);
            }
            context.setVariable("p" + i, arguments[i]);
            context.setVariable("a" + i, arguments[i]);
        }
        Object value = expression.getValue(context);
        String key = value == null ? null : value.toString();
        return key == null || key.isEmpty() ? ProviderSettings.MISSING : key;
    }
}
