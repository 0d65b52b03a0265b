package dev.breaker.spring.web;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.config.ErrorFormat;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON body of a refused call in a provider's {@code error-format}, the same whether a gateway
 * answers it (inbound filter) or a client library is handed it (LLM integrations). Its message
 * names the provider and key and says when to retry.
 */
public final class RejectionBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RejectionBody() {
    }

    public static ObjectNode of(ErrorFormat format, int status, BreakerOpenException refusal) {
        ObjectNode body = JSON.createObjectNode();
        switch (format) {
            case ANTHROPIC -> {
                body.put("type", "error");
                body.putObject("error").put("type", "overloaded_error").put("message", refusal.getMessage());
            }
            case OPENAI -> body.putObject("error")
                    .put("message", refusal.getMessage())
                    .put("type", "server_error")
                    .putNull("param")
                    .put("code", "circuit_breaker_open");
            case PROBLEM -> body.put("type", "about:blank")
                    .put("title", title(status))
                    .put("status", status)
                    .put("detail", refusal.getMessage())
                    .put("provider", refusal.provider())
                    .put("key", refusal.key())
                    .put("retryAfterSeconds", refusal.retryAfterSeconds());
        }
        return body;
    }

    public static byte[] bytes(ErrorFormat format, int status, BreakerOpenException refusal) {
        return JSON.writeValueAsBytes(of(format, status, refusal));
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase();
    }
}
