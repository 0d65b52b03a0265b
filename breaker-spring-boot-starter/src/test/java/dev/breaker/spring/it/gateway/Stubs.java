package dev.breaker.spring.it.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Upstream answers, as the providers send them. */
final class Stubs {

    static final String ANTHROPIC_OVERLOADED =
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

    static final String OPENAI_UNAVAILABLE = "{\"error\":{\"message\":\"The server is overloaded or not ready yet.\","
            + "\"type\":\"server_error\",\"param\":null,\"code\":null}}";

    static final String OK = "{\"id\":\"msg_01\",\"type\":\"message\",\"content\":[]}";

    private Stubs() {
    }

    /** From now on, every request to {@code path} gets {@code status} with a JSON {@code body}. */
    static void answer(WireMockServer upstream, String path, int status, String body, String... headerNamesAndValues) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body);
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            response.withHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        upstream.stubFor(any(urlPathEqualTo(path)).willReturn(response));
    }

    /** How many requests reached {@code path}. */
    static int calls(WireMockServer upstream, String path) {
        return upstream.countRequestsMatching(anyRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }
}
