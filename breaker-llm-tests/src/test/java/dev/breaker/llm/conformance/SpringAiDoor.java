package dev.breaker.llm.conformance;

import dev.breaker.spring.llm.BreakerOkHttpInterceptor;
import dev.breaker.spring.llm.SpringAiAnthropicBreakerCustomizer;
import dev.breaker.spring.llm.SpringAiOpenAiBreakerCustomizer;
import dev.breaker.spring.outbound.OutboundGuard;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring AI's {@code AnthropicChatModel} or {@code OpenAiChatModel}, built with the starter's
 * customizer around a {@link BreakerOkHttpInterceptor} for this door's provider, and no retries:
 * {@code call()} for a plain call, {@code stream()} for a stream (cancelled by disposing of it). The
 * prompt names the model. A refusal arrives as the SDK's exception for the rejection response that
 * the interceptor answers with.
 */
final class SpringAiDoor extends DialectDoor {

    private final BreakerOkHttpInterceptor interceptor;
    private final Map<String, ChatModel> models = new ConcurrentHashMap<>();

    SpringAiDoor(Dialect dialect, OutboundGuard guard) {
        super("springai", dialect);
        this.interceptor = new BreakerOkHttpInterceptor(guard, provider());
    }

    @Override
    public Answer call(Call call) {
        try {
            ChatModel model = model(call);
            Prompt prompt = prompt(call);
            return Answer.of(call.stream() ? model.stream(prompt).collectList().block() : model.call(prompt));
        } catch (RuntimeException e) {
            return Answer.failed(e);
        }
    }

    @Override
    public Runnable start(Call call) {
        return model(call).stream(prompt(call)).subscribe(response -> { }, error -> { })::dispose;
    }

    @Override
    public Answer abandonStream(Call call) {
        return Answer.catching(() -> model(call).stream(prompt(call)).take(1).collectList().block());
    }

    /** The prompt names the model, and the timeout too: Spring AI's OpenAI model takes it from the prompt only. */
    private Prompt prompt(Call call) {
        ChatOptions options = dialect == Dialect.ANTHROPIC
                ? AnthropicChatOptions.builder().model(call.model()).timeout(call.timeout()).build()
                : OpenAiChatOptions.builder().model(call.model()).timeout(call.timeout()).build();
        return new Prompt("Hi", options);
    }

    private ChatModel model(Call call) {
        return models.computeIfAbsent(call.baseUrl() + " " + call.timeout(), any -> build(call.baseUrl(), call.timeout()));
    }

    private ChatModel build(String baseUrl, Duration timeout) {
        if (dialect == Dialect.ANTHROPIC) {
            return AnthropicChatModel.builder()
                    .options(AnthropicChatOptions.builder().baseUrl(baseUrl).apiKey("test-key").model("claude-sonnet-4-5")
                            .maxTokens(64).maxRetries(0).timeout(timeout).build())
                    .httpClientBuilderCustomizer(new SpringAiAnthropicBreakerCustomizer(interceptor))
                    .build();
        }
        return OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder().baseUrl(baseUrl + "/v1").apiKey("test-key").model("gpt-4o")
                        .maxRetries(0).timeout(timeout).build())
                .httpClientBuilderCustomizer(new SpringAiOpenAiBreakerCustomizer(interceptor))
                .build();
    }
}
