package dev.breaker.llm.conformance;

import dev.breaker.spring.llm.LangChain4jBreakers;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * LangChain4j's Anthropic or OpenAI models on the starter's HTTP client builder for this door's
 * provider (around LangChain4j's own JDK client), and no retries: {@code ChatModel.chat} for a plain
 * call, a {@code StreamingChatModel} for a stream. The request names the model. A blocking call is
 * cancelled by interrupting the thread that waits for it.
 */
final class LangChain4jDoor extends DialectDoor {

    private final LangChain4jBreakers breakers;
    private final ExecutorService callers;
    private final Map<String, ChatModel> models = new ConcurrentHashMap<>();
    private final Map<String, StreamingChatModel> streamingModels = new ConcurrentHashMap<>();

    LangChain4jDoor(Dialect dialect, LangChain4jBreakers breakers, ExecutorService callers) {
        super("lc4j", dialect);
        this.breakers = breakers;
        this.callers = callers;
    }

    @Override
    public Answer call(Call call) {
        try {
            return call.stream() ? stream(call) : Answer.of(model(call).chat(request(call)));
        } catch (RuntimeException e) {
            return Answer.failed(e);
        }
    }

    @Override
    public Runnable start(Call call) {
        Future<?> waiting = callers.submit(() -> call(new Call(call.baseUrl(), call.model(), false, call.timeout())));
        return () -> waiting.cancel(true);
    }

    @Override
    public Answer abandonStream(Call call) {
        CompletableFuture<String> first = new CompletableFuture<>();
        streamingModel(call).chat(request(call), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                context.streamingHandle().cancel();
                first.complete(partial.text());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                first.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                first.completeExceptionally(error);
            }
        });
        return await(first);
    }

    private Answer stream(Call call) {
        CompletableFuture<ChatResponse> answer = new CompletableFuture<>();
        streamingModel(call).chat(request(call), new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse response) {
                answer.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                answer.completeExceptionally(error);
            }
        });
        return await(answer);
    }

    private static Answer await(CompletableFuture<?> answer) {
        try {
            return Answer.of(answer.get(30, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            return Answer.failed(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the stream did not end", e);
        }
    }

    private static ChatRequest request(Call call) {
        return ChatRequest.builder().messages(UserMessage.from("Hi")).modelName(call.model()).build();
    }

    private ChatModel model(Call call) {
        return models.computeIfAbsent(call.baseUrl() + " " + call.timeout(), any -> dialect == Dialect.ANTHROPIC
                ? AnthropicChatModel.builder()
                        .httpClientBuilder(breakers.httpClientBuilder(null, provider()))
                        .baseUrl(call.baseUrl() + "/v1").apiKey("test-key").modelName("claude-sonnet-4-5")
                        .maxTokens(64).maxRetries(0).timeout(call.timeout()).build()
                : OpenAiChatModel.builder()
                        .httpClientBuilder(breakers.httpClientBuilder(null, provider()))
                        .baseUrl(call.baseUrl() + "/v1").apiKey("test-key").modelName("gpt-4o")
                        .maxRetries(0).timeout(call.timeout()).build());
    }

    private StreamingChatModel streamingModel(Call call) {
        return streamingModels.computeIfAbsent(call.baseUrl() + " " + call.timeout(), any -> dialect == Dialect.ANTHROPIC
                ? AnthropicStreamingChatModel.builder()
                        .httpClientBuilder(breakers.httpClientBuilder(null, provider()))
                        .baseUrl(call.baseUrl() + "/v1").apiKey("test-key").modelName("claude-sonnet-4-5")
                        .maxTokens(64).timeout(call.timeout()).build()
                : OpenAiStreamingChatModel.builder()
                        .httpClientBuilder(breakers.httpClientBuilder(null, provider()))
                        .baseUrl(call.baseUrl() + "/v1").apiKey("test-key").modelName("gpt-4o")
                        .timeout(call.timeout()).build());
    }
}
