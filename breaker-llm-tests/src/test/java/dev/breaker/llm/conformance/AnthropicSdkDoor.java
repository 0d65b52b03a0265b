package dev.breaker.llm.conformance;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.breaker.spring.llm.AnthropicBreakerInterceptor;
import dev.breaker.spring.outbound.OutboundGuard;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Anthropic Java SDK with {@link AnthropicBreakerInterceptor} for this door's provider, and no
 * retries: {@code messages().create} for a plain call, {@code createStreaming} for a stream; the async
 * client's future is cancelled to cancel.
 */
final class AnthropicSdkDoor implements Door {

    private final AnthropicBreakerInterceptor interceptor;
    private final Map<String, AnthropicClient> clients = new ConcurrentHashMap<>();

    AnthropicSdkDoor(OutboundGuard guard) {
        this.interceptor = new AnthropicBreakerInterceptor(guard, provider());
    }

    @Override
    public String provider() {
        return "sdk-anthropic";
    }

    @Override
    public Dialect dialect() {
        return Dialect.ANTHROPIC;
    }

    @Override
    public Answer call(Call call) {
        try {
            AnthropicClient client = client(call);
            if (!call.stream()) {
                return Answer.of(client.messages().create(params(call)));
            }
            try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params(call))) {
                List<RawMessageStreamEvent> events = stream.stream().toList();
                return Answer.of(events);
            }
        } catch (RuntimeException e) {
            return Answer.failed(e);
        }
    }

    @Override
    public Runnable start(Call call) {
        CompletableFuture<?> answer = client(call).async().messages().create(params(call));
        return () -> answer.cancel(true);
    }

    @Override
    public Answer abandonStream(Call call) {
        try (StreamResponse<RawMessageStreamEvent> stream = client(call).messages().createStreaming(params(call))) {
            return Answer.of(stream.stream().filter(event -> event.contentBlockDelta().isPresent()).findFirst().orElse(null));
        } catch (RuntimeException e) {
            return Answer.failed(e);
        }
    }

    void close() {
        clients.values().forEach(AnthropicClient::close);
    }

    private static MessageCreateParams params(Call call) {
        return MessageCreateParams.builder().model(call.model()).maxTokens(64).addUserMessage("Hi").build();
    }

    private AnthropicClient client(Call call) {
        return clients.computeIfAbsent(call.baseUrl() + " " + call.timeout(), any -> AnthropicOkHttpClient.builder()
                .baseUrl(call.baseUrl())
                .apiKey("test-key")
                .maxRetries(0)
                .timeout(call.timeout())
                .addInterceptor(interceptor)
                .build());
    }
}
