package dev.breaker.spring.judge;

import dev.breaker.core.classify.ResponseHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer in Spring AI's {@code TransientAiException} (5xx) and {@code NonTransientAiException} (4xx)
 * as its response error handlers, which the {@code RestClient}-based models such as Ollama's use,
 * write them: the message is {@code "HTTP <status> - <body>"} (the auto-configured handler) or
 * {@code "<status> - <body>"} ({@code RetryUtils.DEFAULT_RESPONSE_ERROR_HANDLER}), and no headers are kept. Matched by class name, so that Spring AI is
 * not needed; a message of another shape is no answer.
 */
final class SpringAiRetryAnswers implements AnswerReader {

    private static final Set<String> CLASSES = Set.of(
            "org.springframework.ai.retry.TransientAiException",
            "org.springframework.ai.retry.NonTransientAiException");

    private static final Pattern STATUS_AND_BODY = Pattern.compile("^(?:HTTP )?([1-5]\\d\\d) - (.*)$", Pattern.DOTALL);

    @Override
    public Answer read(Throwable error) {
        if (!isNamed(error) || error.getMessage() == null) {
            return null;
        }
        Matcher matcher = STATUS_AND_BODY.matcher(error.getMessage());
        if (!matcher.matches()) {
            return null;
        }
        return new Answer(Integer.parseInt(matcher.group(1)), ResponseHeaders.NONE, null,
                matcher.group(2).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isNamed(Throwable error) {
        for (Class<?> type = error.getClass(); type != null && type != Throwable.class; type = type.getSuperclass()) {
            if (CLASSES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
