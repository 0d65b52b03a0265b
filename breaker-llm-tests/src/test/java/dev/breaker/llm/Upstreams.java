package dev.breaker.llm;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Real HTTP servers on loopback that answer in the providers' own shapes, shared by every test in
 * the JVM (the Spring context that knows their ports is shared too).
 */
final class Upstreams {

    static final WireMockServer ANTHROPIC = start();
    static final WireMockServer OPENAI = start();

    static final String MESSAGES = "/v1/messages";
    static final String CHAT = "/v1/chat/completions";

    static final String OVERLOADED_JSON =
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

    static final String MESSAGE_JSON = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"text","text":"Hello!"}],"stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":5,"output_tokens":2}}""";

    /** A whole, clean Anthropic message stream. */
    static final String MESSAGE_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello!"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":2}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    /** An Anthropic message stream cut short by an overload, as the API really does it. */
    static final String OVERLOADED_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_03","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello, wor"}}

            event: error
            data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}

            """;

    static final String RATE_LIMITED_JSON = "{\"error\":{\"message\":\"Rate limit reached for gpt-4o\","
            + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}";

    static final String INSUFFICIENT_QUOTA_JSON = "{\"error\":{\"message\":\"You exceeded your current quota\","
            + "\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}";

    static final String COMPLETION_JSON = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"gpt-4o",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!","refusal":null,"annotations":[]},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""";

    /** An OpenAI chat completion stream that breaks off with an error chunk. */
    static final String ERRORED_COMPLETION_STREAM = """
            data: {"id":"chatcmpl-2","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"logprobs":null,"finish_reason":null}]}

            data: {"error":{"message":"The server is overloaded","type":"server_error","param":null,"code":null}}

            """;

    private Upstreams() {
    }

    static String url(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    static void resetAll() {
        ANTHROPIC.resetAll();
        OPENAI.resetAll();
    }

    static int requestsTo(WireMockServer server) {
        return server.countRequestsMatching(RequestPatternBuilder.allRequests().build()).getCount();
    }

    static ResponseDefinitionBuilder anthropicOverloaded(String retryAfter) {
        ResponseDefinitionBuilder response = json(529, OVERLOADED_JSON);
        return retryAfter == null ? response : response.withHeader("retry-after", retryAfter);
    }

    /** OpenAI's 429 for an exhausted request rate, with its rate-limit headers. */
    static ResponseDefinitionBuilder openAiRateLimited(String retryAfter) {
        ResponseDefinitionBuilder response = json(429, RATE_LIMITED_JSON)
                .withHeader("x-ratelimit-limit-requests", "500")
                .withHeader("x-ratelimit-remaining-requests", "0")
                .withHeader("x-ratelimit-reset-requests", "6m0s");
        return retryAfter == null ? response : response.withHeader("retry-after", retryAfter);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder eventStream(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}
