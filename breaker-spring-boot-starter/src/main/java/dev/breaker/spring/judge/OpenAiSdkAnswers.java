package dev.breaker.spring.judge;

import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;

/** The answer in the OpenAI Java SDK's status exceptions (Spring AI's {@code OpenAiChatModel} throws them). */
final class OpenAiSdkAnswers implements AnswerReader {

    @Override
    public Answer read(Throwable error) {
        if (error instanceof OpenAIServiceException e) {
            return SdkAnswers.answer(e.statusCode(), e.headers()::values, () -> e.body().convert(Object.class),
                    e instanceof SseException);
        }
        return null;
    }
}
