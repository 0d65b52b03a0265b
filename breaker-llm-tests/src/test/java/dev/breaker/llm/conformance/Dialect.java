package dev.breaker.llm.conformance;

import dev.breaker.core.registry.BreakerKeys;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How Anthropic and OpenAI talk: their endpoint, request bodies, answers, error bodies, rate-limit
 * headers and streams, as the real APIs send them. Every door of one dialect calls the same endpoint,
 * so every door's key for a model is {@code <endpoint>|<model>}.
 */
enum Dialect {

    ANTHROPIC("/v1/messages",
            """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"text","text":"Hello!"}],"stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":5,"output_tokens":2}}""",
            """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello!"}}

            """,
            """
            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":2}}

            event: message_stop
            data: {"type":"message_stop"}

            """,
            // Anthropic cuts a stream short with an error event when it is overloaded.
            """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_03","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello, wor"}}

            event: error
            data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}

            """,
            "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Spend limit reached\","
                    + "\"details\":{\"error_code\":\"enforced_spend_limit_reached\"}}}",
            // The request limit is exhausted and resets in 150 s; the token limit is not and resets sooner.
            Map.of("anthropic-ratelimit-requests-limit", "50",
                    "anthropic-ratelimit-requests-remaining", "0",
                    "anthropic-ratelimit-requests-reset", "2026-01-01T00:02:30Z",
                    "anthropic-ratelimit-tokens-remaining", "10000",
                    "anthropic-ratelimit-tokens-reset", "2026-01-01T00:00:05Z")) {

        @Override
        String error(int status) {
            String type = switch (status) {
                case 400 -> "invalid_request_error";
                case 401 -> "authentication_error";
                case 429 -> "rate_limit_error";
                case 500 -> "api_error";
                default -> "overloaded_error";
            };
            return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + type + "\"}}";
        }

        @Override
        Map<String, Object> request(String model, boolean stream) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("model", model);
            body.put("max_tokens", 64);
            body.put("messages", List.of(Map.of("role", "user", "content", "Hi")));
            body.put("stream", stream);
            return body;
        }
    },

    OPENAI("/v1/chat/completions",
            """
            {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"gpt-4o",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!","refusal":null,"annotations":[]},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""",
            """
            data: {"id":"chatcmpl-2","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":"Hello!"},"logprobs":null,"finish_reason":null}]}

            """,
            """
            data: {"id":"chatcmpl-2","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}

            data: [DONE]

            """,
            // OpenAI breaks a stream off with an error chunk of type server_error.
            """
            data: {"id":"chatcmpl-3","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"logprobs":null,"finish_reason":null}]}

            data: {"error":{"message":"The server is overloaded","type":"server_error","param":null,"code":null}}

            """,
            "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                    + "\"param\":null,\"code\":\"insufficient_quota\"}}",
            // The request limit is exhausted and resets in 6 minutes; the token limit is not and resets sooner.
            Map.of("x-ratelimit-limit-requests", "500",
                    "x-ratelimit-remaining-requests", "0",
                    "x-ratelimit-reset-requests", "6m0s",
                    "x-ratelimit-remaining-tokens", "10000",
                    "x-ratelimit-reset-tokens", "1s")) {

        @Override
        String error(int status) {
            String type = switch (status) {
                case 400, 401 -> "invalid_request_error";
                case 429 -> "requests";
                default -> "server_error";
            };
            String code = switch (status) {
                case 401 -> "\"invalid_api_key\"";
                case 429 -> "\"rate_limit_exceeded\"";
                default -> "null";
            };
            return "{\"error\":{\"message\":\"" + type + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":" + code + "}}";
        }

        @Override
        Map<String, Object> request(String model, boolean stream) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("model", model);
            body.put("messages", List.of(Map.of("role", "user", "content", "Hi")));
            body.put("stream", stream);
            return body;
        }
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The endpoint every door of this dialect calls, and so the key's endpoint part. */
    final String endpoint;
    final String answer;
    /** A whole, clean stream: its first content, then the rest. */
    final String stream;
    /** The start of {@link #stream}, up to and including the first generated content. */
    final String streamHead;
    final String streamTail;
    final String erroredStream;
    final String quotaError;
    final Map<String, String> rateLimitHeaders;

    Dialect(String endpoint, String answer, String streamHead, String streamTail, String erroredStream,
            String quotaError, Map<String, String> rateLimitHeaders) {
        this.endpoint = endpoint;
        this.answer = answer;
        this.stream = streamHead + streamTail;
        this.streamHead = streamHead;
        this.streamTail = streamTail;
        this.erroredStream = erroredStream;
        this.quotaError = quotaError;
        this.rateLimitHeaders = rateLimitHeaders;
    }

    /** The provider's JSON error body for {@code status}. */
    abstract String error(int status);

    /** A request body as the provider's own SDK writes it. */
    abstract Map<String, Object> request(String model, boolean stream);

    String requestJson(String model, boolean stream) {
        return JSON.writeValueAsString(request(model, stream));
    }

    /** The key of {@code model}'s breaker, at every door. */
    String key(String model) {
        return BreakerKeys.bounded(endpoint + "|" + model);
    }
}
