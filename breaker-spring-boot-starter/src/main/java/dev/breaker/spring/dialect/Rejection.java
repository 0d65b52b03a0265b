package dev.breaker.spring.dialect;

import dev.breaker.core.BreakerOpenException;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a refused call, the same whichever door refused it: the provider's
 * {@code rejection-status}, {@code Retry-After} in whole seconds (at least 1), headers naming the
 * provider and key, and a JSON body in the provider's {@code error-format} whose message names the
 * provider and key and says when to retry. A gateway writes it to its client (inbound filter); an
 * LLM client is handed it where the only way to refuse a call is to answer it.
 *
 * <p>Keys come from what clients send and may hold any character, so the header values are
 * {@linkplain #headerValue percent-encoded}: legal in any HTTP client, and {@link #fromHeaderValue}
 * gives back the exact key.
 *
 * @param status the HTTP status
 * @param contentType {@code application/problem+json} for the problem format, else {@code application/json}
 * @param retryAfterSeconds the {@code Retry-After} value
 * @param body the JSON body
 */
public record Rejection(int status, String contentType, long retryAfterSeconds, byte[] body) {

    /** Names the provider whose breaker refused the call. */
    public static final String PROVIDER_HEADER = "x-breaker-provider";

    /** Names the key of the breaker that refused the call, percent-encoded. */
    public static final String KEY_HEADER = "x-breaker-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public static Rejection of(ErrorFormat format, int status, BreakerOpenException refusal) {
        String contentType = format == ErrorFormat.PROBLEM ? "application/problem+json" : "application/json";
        return new Rejection(status, contentType, refusal.retryAfterSeconds(),
                JSON.writeValueAsBytes(body(format, status, refusal)));
    }

    static ObjectNode body(ErrorFormat format, int status, BreakerOpenException refusal) {
        ObjectNode body = JSON.createObjectNode();
        switch (format) {
            case ANTHROPIC -> {
                body.put("type", "error");
                body.putObject("error").put("type", ErrorTypes.OVERLOADED).put("message", refusal.getMessage());
            }
            case OPENAI -> body.putObject("error")
                    .put("message", refusal.getMessage())
                    .put("type", ErrorTypes.SERVER_ERROR)
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

    /**
     * {@code text} as a header value any HTTP client accepts: visible ASCII stays as it is, except
     * {@code %}; every other byte of its UTF-8 form (non-ASCII, control characters, spaces) is {@code %XX}.
     */
    public static String headerValue(String text) {
        StringBuilder encoded = null;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean plain = b > 0x20 && b < 0x7F && b != '%';
            if (plain && encoded == null) {
                continue;
            }
            if (encoded == null) {
                encoded = new StringBuilder(bytes.length + 16).append(text, 0, i); // bytes before i are ASCII
            }
            if (plain) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return encoded == null ? text : encoded.toString();
    }

    /** The text that {@link #headerValue} encoded; a malformed escape stays as it is. */
    public static String fromHeaderValue(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int high = c == '%' && i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
            if (low >= 0) {
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase();
    }
}
