package dev.breaker.sample.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.breaker.sample.sim.Json.obj;

/** OpenAI's Chat Completions API ({@code POST /v1/chat/completions}): bodies, chunks, errors and headers. */
final class OpenAiDialect implements Dialect {

    /** How many content chunks a failing stream sends before its error chunk. */
    static final int CHUNKS_BEFORE_FAILURE = 3;

    @Override
    public String defaultModel() {
        return "gpt-4o";
    }

    @Override
    public String requestIdHeader() {
        return "x-request-id";
    }

    @Override
    public Map<String, Object> message(String id, String model, String text) {
        int completionTokens = text.split(" ").length;
        return obj("id", id, "object", "chat.completion", "created", Instant.now().getEpochSecond(), "model", model,
                "choices", List.of(obj("index", 0,
                        "message", obj("role", "assistant", "content", text, "refusal", null),
                        "logprobs", null, "finish_reason", "stop")),
                "usage", obj("prompt_tokens", 12, "completion_tokens", completionTokens,
                        "total_tokens", 12 + completionTokens));
    }

    /** The role-only first chunk. */
    @Override
    public int framesBeforeContent() {
        return 1;
    }

    @Override
    public List<String> stream(String id, String model, List<String> words, boolean failMidway) {
        long created = Instant.now().getEpochSecond();
        List<String> frames = new ArrayList<>();
        frames.add(data(chunk(id, created, model, obj("role", "assistant", "content", "", "refusal", null), null)));
        for (int i = 0; i < words.size(); i++) {
            if (failMidway && i == CHUNKS_BEFORE_FAILURE) {
                frames.add(data(error("The server had an error while processing your request. Sorry about that!",
                        "server_error", null)));
                return frames;
            }
            frames.add(data(chunk(id, created, model, obj("content", words.get(i)), null)));
        }
        frames.add(data(chunk(id, created, model, obj(), "stop")));
        frames.add("data: [DONE]\n\n");
        return frames;
    }

    @Override
    public SimReply rateLimited(String model, int retryAfterSeconds) {
        return new SimReply(429, Map.of(
                "retry-after", String.valueOf(retryAfterSeconds),
                "x-ratelimit-limit-requests", "500",
                "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", retryAfterSeconds + "s",
                "x-ratelimit-limit-tokens", "30000",
                "x-ratelimit-remaining-tokens", "29740",
                "x-ratelimit-reset-tokens", "520ms"),
                error("Rate limit reached for " + model + " in organization org-simulated on requests per min (RPM): "
                        + "Limit 500, Used 500, Requested 1. Please try again in " + retryAfterSeconds + "s.",
                        "requests", "rate_limit_exceeded"));
    }

    @Override
    public SimReply overloaded() {
        // OpenAI has no 529: an overloaded OpenAI answers 503.
        return new SimReply(503, Map.of(), error("The server is overloaded or not ready yet.", "server_error", null));
    }

    @Override
    public SimReply unavailable() {
        return new SimReply(503, Map.of(), error("Service Unavailable", "server_error", null));
    }

    private static Map<String, Object> chunk(String id, long created, String model, Map<String, Object> delta,
                                             String finishReason) {
        return obj("id", id, "object", "chat.completion.chunk", "created", created, "model", model,
                "choices", List.of(obj("index", 0, "delta", delta, "logprobs", null, "finish_reason", finishReason)));
    }

    private static Map<String, Object> error(String message, String type, String code) {
        return obj("error", obj("message", message, "type", type, "param", null, "code", code));
    }

    private static String data(Map<String, Object> json) {
        return "data: " + Json.write(json) + "\n\n";
    }
}
