package dev.breaker.spring.llm;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.config.ErrorFormat;
import dev.breaker.spring.config.ProviderSettings;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response a client is given, without any connection, where the only way to refuse a call is to
 * answer it: the provider's {@code rejection-status}, {@code Retry-After} in whole seconds,
 * {@code x-should-retry: false} (the Anthropic and OpenAI SDKs then do not retry it), headers naming
 * the provider and key, and a body in the provider's {@code error-format}.
 */
final class BreakerRejection {

    /** Names the provider whose breaker refused the call. */
    static final String PROVIDER_HEADER = "x-breaker-provider";

    /** Names the key of the breaker that refused the call. */
    static final String KEY_HEADER = "x-breaker-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BreakerRejection() {
    }

    static int status(ProviderSettings provider) {
        return provider == null ? 503 : provider.rejectionStatus();
    }

    static String contentType(ProviderSettings provider) {
        return format(provider) == ErrorFormat.PROBLEM ? "application/problem+json" : "application/json";
    }

    static byte[] body(ProviderSettings provider, BreakerOpenException refusal) {
        ObjectNode body = JSON.createObjectNode();
        switch (format(provider)) {
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
                    .put("title", "Service Unavailable")
                    .put("status", status(provider))
                    .put("detail", refusal.getMessage())
                    .put("provider", refusal.provider())
                    .put("key", refusal.key())
                    .put("retryAfterSeconds", refusal.retryAfterSeconds());
        }
        return JSON.writeValueAsBytes(body);
    }

    private static ErrorFormat format(ProviderSettings provider) {
        return provider == null ? ErrorFormat.PROBLEM : provider.errorFormat();
    }
}
