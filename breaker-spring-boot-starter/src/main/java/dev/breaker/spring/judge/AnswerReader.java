package dev.breaker.spring.judge;

import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the upstream's answer out of one family of exceptions. Each family lives in its own class,
 * created only when its library is on the class path, so that the starter needs none of them.
 */
interface AnswerReader {

    /** The answer that {@code error} itself (not its causes) carries, or null when it is not of this family. */
    Answer read(Throwable error);

    /** The readers whose exception classes are present, most specific first. */
    static List<AnswerReader> available(ClassLoader classLoader) {
        List<AnswerReader> readers = new ArrayList<>();
        if (ClassUtils.isPresent("org.springframework.web.reactive.function.client.WebClientResponseException", classLoader)) {
            readers.add(new SpringHttpAnswers.WebClientResponse());
        }
        if (ClassUtils.isPresent("org.springframework.web.client.RestClientResponseException", classLoader)) {
            readers.add(new SpringHttpAnswers.RestClientResponse());
        }
        if (ClassUtils.isPresent("org.springframework.web.ErrorResponse", classLoader)) {
            readers.add(new SpringHttpAnswers.ErrorResponse());
        }
        if (ClassUtils.isPresent("com.anthropic.errors.AnthropicServiceException", classLoader)) {
            readers.add(new AnthropicSdkAnswers());
        }
        if (ClassUtils.isPresent("com.openai.errors.OpenAIServiceException", classLoader)) {
            readers.add(new OpenAiSdkAnswers());
        }
        readers.add(new SpringAiRetryAnswers());
        return List.copyOf(readers);
    }
}
