package dev.breaker.spring.judge;

import dev.breaker.core.classify.Failures;

import java.util.List;

/**
 * Finds the upstream's answer in whatever a client threw for it, however deeply it is wrapped:
 * Spring's HTTP exceptions, the Anthropic and OpenAI SDKs' status exceptions, Spring AI's retry
 * exceptions ({@link AnswerReader#available}).
 */
public final class ErrorAnswers {

    private static final List<AnswerReader> READERS = AnswerReader.available(ErrorAnswers.class.getClassLoader());

    private ErrorAnswers() {
    }

    /** The answer carried by {@code error} or the first of its causes that carries one, or null. */
    public static Answer find(Throwable error) {
        if (error == null) {
            return null;
        }
        for (Throwable cause : Failures.causes(Failures.unwrap(error))) {
            Answer answer = read(cause);
            if (answer != null) {
                return answer;
            }
        }
        return null;
    }

    /** The answer carried by {@code error} itself, or null. */
    static Answer read(Throwable error) {
        for (AnswerReader reader : READERS) {
            Answer answer = reader.read(error);
            if (answer != null) {
                return answer;
            }
        }
        return null;
    }
}
