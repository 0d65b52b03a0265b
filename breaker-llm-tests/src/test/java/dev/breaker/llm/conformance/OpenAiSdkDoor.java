package dev.breaker.llm.conformance;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.client.okhttp.OkHttpClient;
import com.openai.core.ClientOptions;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.breaker.spring.llm.OpenAiBreakers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAI Java SDK on an HTTP client wrapped by {@link OpenAiBreakers} for this door's provider,
 * and no retries: {@code chat().completions().create} for a plain call, {@code createStreaming} for a
 * stream; the async client's future is cancelled to cancel.
 */
final class OpenAiSdkDoor implements Door {

    private final OpenAiBreakers breakers;
    private final Map<String, OpenAIClient> clients = new ConcurrentHashMap<>();

    OpenAiSdkDoor(OpenAiBreakers breakers) {
        this.breakers = breakers;
    }

    @Override
    public String provider() {
        return "sdk-openai";
    }

    @Override
    public Dialect dialect() {
        return Dialect.OPENAI;
    }

    @Override
    public Answer call(Call call) {
        try {
            OpenAIClient client = client(call);
            if (!call.stream()) {
                return Answer.of(client.chat().completions().create(params(call)));
            }
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(call))) {
                List<ChatCompletionChunk> chunks = stream.stream().toList();
                return Answer.of(chunks);
            }
        } catch (RuntimeException e) {
            return Answer.failed(e);
        }
    }

    @Override
    public Runnable start(Call call) {
        CompletableFuture<?> answer = client(call).async().chat().completions().create(params(call));
        return () -> answer.cancel(true);
    }

    @Override
    public Answer abandonStream(Call call) {
        try (StreamResponse<ChatCompletionChunk> stream = client(call).chat().completions().createStreaming(params(call))) {
            return Answer.of(stream.stream()
                    .filter(chunk -> chunk.choices().stream().anyMatch(choice -> choice.delta().content().isPresent()))
                    .findFirst().orElse(null));
        } catch (RuntimeException e) {
            return Answer.failed(e);
        }
    }

    void close() {
        clients.values().forEach(OpenAIClient::close);
    }

    private static ChatCompletionCreateParams params(Call call) {
        return ChatCompletionCreateParams.builder().model(call.model()).addUserMessage("Hi").build();
    }

    private OpenAIClient client(Call call) {
        return clients.computeIfAbsent(call.baseUrl() + " " + call.timeout(), any -> new OpenAIClientImpl(
                ClientOptions.builder()
                        .httpClient(breakers.wrap(OkHttpClient.builder().timeout(call.timeout()).build(), provider()))
                        .baseUrl(call.baseUrl() + "/v1")
                        .apiKey("test-key")
                        .maxRetries(0)
                        .timeout(call.timeout())
                        .build()));
    }
}
