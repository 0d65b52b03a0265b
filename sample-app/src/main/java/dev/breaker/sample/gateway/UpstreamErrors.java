package dev.breaker.sample.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/** The gateway's own errors (upstream timed out or unreachable), in the provider's error shape. */
enum UpstreamErrors {

    ANTHROPIC {
        @Override
        Map<String, Object> body(int status, String message) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", status == 504 ? "timeout_error" : "api_error");
            error.put("message", message);
            return Map.of("type", "error", "error", error);
        }
    },
    OPENAI {
        @Override
        Map<String, Object> body(int status, String message) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            error.put("type", "server_error");
            error.put("param", null);
            error.put("code", status == 504 ? "gateway_timeout" : "upstream_unreachable");
            return Map.of("error", error);
        }
    };

    abstract Map<String, Object> body(int status, String message);
}
