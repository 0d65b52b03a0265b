package dev.breaker.sample.sim;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.breaker.sample.sim.Json.obj;

/** Anthropic's Messages API ({@code POST /v1/messages}): bodies, stream events, errors and headers. */
final class AnthropicDialect implements Dialect {

    /** How many deltas a failing stream sends before its error event. */
    static final int DELTAS_BEFORE_FAILURE = 3;

    @Override
    public String defaultModel() {
        return "claude-sonnet-4-5";
    }

    @Override
    public String requestIdHeader() {
        return "request-id";
    }

    @Override
    public Map<String, Object> message(String id, String model, String text) {
        return obj("id", id, "type", "message", "role", "assistant", "model", model,
                "content", List.of(obj("type", "text", "text", text)),
                "stop_reason", "end_turn", "stop_sequence", null,
                "usage", obj("input_tokens", 12, "output_tokens", text.split(" ").length));
    }

    /** {@code message_start}, {@code content_block_start} and a {@code ping}. */
    @Override
    public int framesBeforeContent() {
        return 3;
    }

    @Override
    public List<String> stream(String id, String model, List<String> words, boolean failMidway) {
        List<String> frames = new ArrayList<>();
        frames.add(event("message_start", obj("type", "message_start", "message",
                obj("id", id, "type", "message", "role", "assistant", "model", model, "content", List.of(),
                        "stop_reason", null, "stop_sequence", null,
                        "usage", obj("input_tokens", 12, "output_tokens", 1)))));
        frames.add(event("content_block_start", obj("type", "content_block_start", "index", 0,
                "content_block", obj("type", "text", "text", ""))));
        frames.add(event("ping", obj("type", "ping")));
        for (int i = 0; i < words.size(); i++) {
            if (failMidway && i == DELTAS_BEFORE_FAILURE) {
                frames.add(event("error", error("overloaded_error", "Overloaded")));
                return frames;
            }
            frames.add(event("content_block_delta", obj("type", "content_block_delta", "index", 0,
                    "delta", obj("type", "text_delta", "text", words.get(i)))));
        }
        frames.add(event("content_block_stop", obj("type", "content_block_stop", "index", 0)));
        frames.add(event("message_delta", obj("type", "message_delta",
                "delta", obj("stop_reason", "end_turn", "stop_sequence", null),
                "usage", obj("output_tokens", words.size()))));
        frames.add(event("message_stop", obj("type", "message_stop")));
        return frames;
    }

    @Override
    public SimReply rateLimited(String model, int retryAfterSeconds) {
        String reset = Instant.now().plusSeconds(retryAfterSeconds).truncatedTo(ChronoUnit.SECONDS).toString();
        return new SimReply(429, Map.of(
                "retry-after", String.valueOf(retryAfterSeconds),
                "anthropic-ratelimit-requests-limit", "50",
                "anthropic-ratelimit-requests-remaining", "0",
                "anthropic-ratelimit-requests-reset", reset),
                error("rate_limit_error", "This request would exceed the rate limit for your organization of 50 "
                        + "requests per minute for " + model + ". Please retry after " + retryAfterSeconds + "s."));
    }

    @Override
    public SimReply overloaded() {
        return new SimReply(529, Map.of(), error("overloaded_error", "Overloaded"));
    }

    @Override
    public SimReply unavailable() {
        return new SimReply(503, Map.of(), error("api_error", "Service unavailable"));
    }

    private static Map<String, Object> error(String type, String message) {
        return obj("type", "error", "error", obj("type", type, "message", message));
    }

    private static String event(String name, Map<String, Object> data) {
        return "event: " + name + "\ndata: " + Json.write(data) + "\n\n";
    }
}
