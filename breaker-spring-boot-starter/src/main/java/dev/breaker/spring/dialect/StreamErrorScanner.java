package dev.breaker.spring.dialect;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Watches a {@code text/event-stream} as it passes, chunk by chunk, for a provider error event:
 * Anthropic's {@code data: {"type":"error","error":{"type":"overloaded_error",…}}} or an
 * OpenAI-style chunk {@code data: {"error":{"type":…}}}. Only the error type decides; the stream
 * itself is never changed or held back.
 *
 * <p>Lines may be split across chunks, so a partial line is kept until its end arrives. Only
 * {@code data:} lines that mention {@code "error"} are parsed, and a line longer than
 * {@link #MAX_LINE_BYTES} is skipped: error events are small, content deltas can be large.
 * Not thread-safe: one scanner per stream, fed in order.
 */
public final class StreamErrorScanner {

    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] ERROR = "\"error\"".getBytes(StandardCharsets.US_ASCII);

    private final Set<String> failureTypes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean lineTooLong;
    private String errorType;

    public StreamErrorScanner(Set<String> failureTypes) {
        this.failureTypes = failureTypes;
    }

    /** Feeds the next bytes of the stream. */
    public void feed(byte[] chunk, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (chunk[i] == '\n') {
                append(chunk, start, i - start);
                endOfLine();
                start = i + 1;
            }
        }
        append(chunk, start, end - start);
    }

    public void feed(byte[] chunk) {
        feed(chunk, 0, chunk.length);
    }

    /** Call at the end of the stream: a last line without a newline is judged too. */
    public void finish() {
        endOfLine();
    }

    /** Whether an error event whose type is in {@code stream-failure-types} has been seen. */
    public boolean sawFailure() {
        return errorType != null && failureTypes.contains(errorType);
    }

    /** The type of the first error event seen (a failure type or not), or null. */
    public String errorType() {
        return errorType;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (length <= 0 || lineTooLong) {
            return;
        }
        if (line.size() + length > MAX_LINE_BYTES) {
            lineTooLong = true;
            line.reset();
            return;
        }
        line.write(bytes, offset, length);
    }

    private void endOfLine() {
        if (!lineTooLong && errorType == null && line.size() > 0) {
            judge(line.toByteArray());
        }
        line.reset();
        lineTooLong = false;
    }

    private void judge(byte[] bytes) {
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (length < 5 || bytes[0] != 'd' || bytes[1] != 'a' || bytes[2] != 't' || bytes[3] != 'a' || bytes[4] != ':') {
            return;
        }
        if (!contains(bytes, length, ERROR)) {
            return;
        }
        try {
            JsonNode event = JSON.readTree(new String(bytes, 5, length - 5, StandardCharsets.UTF_8).trim());
            JsonNode error = event.path("error");
            boolean anthropic = "error".equals(event.path("type").asString(null));
            boolean openAi = error.isObject();
            if (anthropic || openAi) {
                String type = error.path("type").asString(null);
                errorType = type != null ? type : error.path("code").asString("unknown");
            }
        } catch (JacksonException | IllegalArgumentException notJson) {
            // Not a JSON event: not an error event either.
        }
    }

    private static boolean contains(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
