package dev.breaker.spring.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Real HTTP servers on loopback that answer like the providers do, shared by every outbound test
 * in the JVM (the Spring context that knows their ports is shared too, so they live as long as it).
 */
final class Upstreams {

    static final WireMockServer ANTHROPIC = start();
    static final WireMockServer OPENAI = start();
    /** Belongs to no provider's base-url. */
    static final WireMockServer ELSEWHERE = start();
    /** A port that nothing listens on: connections are refused. */
    static final int CLOSED_PORT = closedPort();

    static final String OVERLOADED_JSON =
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
    static final String RATE_LIMITED_JSON = "{\"error\":{\"message\":\"Rate limit reached for gpt-4o\","
            + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
    static final String INSUFFICIENT_QUOTA_JSON = "{\"error\":{\"message\":\"You exceeded your current quota\","
            + "\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}";
    static final String SPEND_LIMIT_JSON = "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
            + "\"message\":\"Spend limit reached\",\"details\":{\"error_code\":\"enforced_spend_limit_reached\"}}}";

    /** An Anthropic message stream that is cut short by an overload, as the API really does it. */
    static final String OVERLOADED_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[]}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello, wor"}}

            event: error
            data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}

            """;

    static final String CLEAN_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_2","type":"message","role":"assistant","content":[]}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    private Upstreams() {
    }

    static String url(WireMockServer server, String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    static void resetAll() {
        ANTHROPIC.resetAll();
        OPENAI.resetAll();
        ELSEWHERE.resetAll();
    }

    static int requestsTo(WireMockServer server) {
        return server.countRequestsMatching(RequestPatternBuilder.allRequests().build()).getCount();
    }

    /** Anthropic's 529 with its JSON body and, where given, a {@code retry-after} header. */
    static ResponseDefinitionBuilder anthropicOverloaded(String retryAfter) {
        ResponseDefinitionBuilder response = json(529, OVERLOADED_JSON);
        return retryAfter == null ? response : response.withHeader("retry-after", retryAfter);
    }

    /** OpenAI's 429 for an exhausted request rate, with its rate-limit headers. */
    static ResponseDefinitionBuilder openAiRateLimited() {
        return json(429, RATE_LIMITED_JSON)
                .withHeader("x-ratelimit-limit-requests", "500")
                .withHeader("x-ratelimit-remaining-requests", "0")
                .withHeader("x-ratelimit-reset-requests", "6m0s")
                .withHeader("x-ratelimit-limit-tokens", "30000")
                .withHeader("x-ratelimit-remaining-tokens", "29000")
                .withHeader("x-ratelimit-reset-tokens", "2s");
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

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
