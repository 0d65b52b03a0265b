package dev.breaker.llm;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * What the failover tests add to {@link Upstreams}: an Ollama server, and the streams that fail before
 * their first token or succeed.
 */
final class FailoverUpstreams {

    static final WireMockServer OLLAMA = start();

    static final String OLLAMA_CHAT = "/api/chat";

    static final String OLLAMA_JSON = """
            {"model":"llama3.2","created_at":"2026-01-01T00:00:00.000000Z",
             "message":{"role":"assistant","content":"Hello from Ollama!"},
             "done_reason":"stop","done":true,"total_duration":1000,"load_duration":100,
             "prompt_eval_count":5,"prompt_eval_duration":100,"eval_count":4,"eval_duration":100}""";

    /** Ollama's streamed answer: one JSON object per line. */
    static final String OLLAMA_STREAM = """
            {"model":"llama3.2","created_at":"2026-01-01T00:00:00.000000Z","message":{"role":"assistant","content":"Hello "},"done":false}
            {"model":"llama3.2","created_at":"2026-01-01T00:00:00.100000Z","message":{"role":"assistant","content":"from Ollama!"},"done":false}
            {"model":"llama3.2","created_at":"2026-01-01T00:00:00.200000Z","message":{"role":"assistant","content":""},"done_reason":"stop","done":true,"total_duration":1000,"load_duration":100,"prompt_eval_count":5,"prompt_eval_duration":100,"eval_count":4,"eval_duration":100}
            """;

    /** An Anthropic stream that breaks off with an overload before any content: nothing reached the caller. */
    static final String OVERLOADED_BEFORE_CONTENT_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_04","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}

            event: error
            data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}

            """;

    /** A whole, clean OpenAI chat completion stream. */
    static final String COMPLETION_STREAM = """
            data: {"id":"chatcmpl-3","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-3","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"Hello!"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-3","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}

            data: [DONE]

            """;

    static final String INVALID_REQUEST_JSON = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
            + "\"message\":\"max_tokens: must be at least 1\"}}";

    private FailoverUpstreams() {
    }

    static void resetAll() {
        Upstreams.resetAll();
        OLLAMA.resetAll();
    }

    static ResponseDefinitionBuilder ollamaUnavailable() {
        return aResponse().withStatus(503).withHeader("Content-Type", "text/plain").withBody("Service Unavailable");
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}
