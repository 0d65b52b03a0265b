package dev.breaker.spring.dialect;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recognises a provider's "quota or spend cap exhausted" error body, which no amount of waiting
 * a few seconds fixes: Anthropic's {@code error.details.error_code = enforced_spend_limit_reached}
 * and OpenAI's {@code error.code} (or {@code error.type}) {@code = insufficient_quota}.
 */
public final class QuotaErrorDetector {

    /** Quota bodies are small; a larger body is not read past this many bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QuotaErrorDetector() {
    }

    /** Whether {@code body} (JSON, possibly malformed or not JSON at all) is a quota error. Never throws. */
    public static boolean isQuotaError(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BODY_BYTES) {
            return false;
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return "enforced_spend_limit_reached".equals(error.path("details").path("error_code").asString(null))
                    || "insufficient_quota".equals(error.path("code").asString(null))
                    || "insufficient_quota".equals(error.path("type").asString(null));
        } catch (JacksonException | IllegalArgumentException notJson) {
            return false;
        }
    }
}
