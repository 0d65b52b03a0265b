package dev.breaker.spring.judge;

import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.SseException;

/** The answer in the Anthropic Java SDK's status exceptions (Spring AI's {@code AnthropicChatModel} throws them). */
final class AnthropicSdkAnswers implements AnswerReader {

    @Override
    public Answer read(Throwable error) {
        if (error instanceof AnthropicServiceException e) {
            return SdkAnswers.answer(e.statusCode(), e.headers()::values, () -> e.body().convert(Object.class),
                    e instanceof SseException);
        }
        return null;
    }
}
