package dev.breaker.spring.dialect;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Watches a provider's {@code text/event-stream} as it passes, chunk by chunk, for the two events a
 * breaker cares about; the stream itself is never changed or held back.
 * <ul>
 *   <li>A provider error event: Anthropic's {@code data: {"type":"error","error":{"type":…}}} (an overload:
 *       {@link ErrorTypes#OVERLOADED})
 *       or an OpenAI-style chunk {@code data: {"error":{"type":…}}}. Only its type decides.</li>
 *   <li>The first event that carries generated content, the stream's time to first token: Anthropic's
 *       {@code content_block_delta}, or an OpenAI chunk whose {@code choices[].delta} has a non-empty
 *       {@code content} or {@code tool_calls}; not {@code message_start}, a {@code ping} or a role-only chunk.</li>
 * </ul>
 *
 * <p>Lines may be split across chunks, so a partial line is kept until its end arrives. Only
 * {@code data:} lines that mention {@code "error"} (or, until the first content, a delta) are
 * parsed, and a line longer than {@link #MAX_LINE_BYTES} is skipped: error events are small,
 * content deltas can be large, and a long line is content anyway. Not thread-safe: one scanner per
 * stream, fed in order.
 */
public final class StreamScanner {

    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] ERROR = "\"error\"".getBytes(StandardCharsets.US_ASCII);
    private static final String ANTHROPIC_DELTA_TYPE = "content_block_delta";
    private static final byte[] ANTHROPIC_DELTA = ANTHROPIC_DELTA_TYPE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DELTA = "\"delta\"".getBytes(StandardCharsets.US_ASCII);

    private final Set<String> failureTypes;
    private final Runnable onFirstContent;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean lineTooLong;
    private String errorType;
    private boolean sawContent;

    public StreamScanner(Set<String> failureTypes) {
        this(failureTypes, () -> { });
    }

    /** @param onFirstContent runs once, when the first event that carries generated content has passed */
    public StreamScanner(Set<String> failureTypes, Runnable onFirstContent) {
        this.failureTypes = failureTypes;
        this.onFirstContent = onFirstContent;
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

    /** Whether an event that carries generated content has passed. */
    public boolean sawContent() {
        return sawContent;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (length <= 0 || lineTooLong) {
            return;
        }
        if (line.size() + length > MAX_LINE_BYTES) {
            lineTooLong = true;
            line.reset();
            content(); // only generated content makes an event this long
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
        boolean mayBeError = contains(bytes, length, ERROR);
        boolean mayBeContent = !sawContent && (contains(bytes, length, ANTHROPIC_DELTA) || contains(bytes, length, DELTA));
        if (!mayBeError && !mayBeContent) {
            return;
        }
        JsonNode event;
        try {
            event = JSON.readTree(new String(bytes, 5, length - 5, StandardCharsets.UTF_8).trim());
        } catch (JacksonException | IllegalArgumentException notJson) {
            return; // not a JSON event: neither an error nor content
        }
        if (mayBeContent && carriesContent(event)) {
            content();
        }
        if (mayBeError) {
            error(event);
        }
    }

    /** Anthropic's {@code content_block_delta}, or an OpenAI chunk with a non-empty content or tool call delta. */
    private static boolean carriesContent(JsonNode event) {
        if (ANTHROPIC_DELTA_TYPE.equals(event.path("type").asString(null))) {
            return true;
        }
        for (JsonNode choice : event.path("choices")) {
            JsonNode delta = choice.path("delta");
            String content = delta.path("content").asString(null);
            if ((content != null && !content.isEmpty()) || !delta.path("tool_calls").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void content() {
        if (!sawContent) {
            sawContent = true;
            onFirstContent.run();
        }
    }

    private void error(JsonNode event) {
        JsonNode error = event.path("error");
        boolean anthropic = "error".equals(event.path("type").asString(null));
        boolean openAi = error.isObject();
        if (anthropic || openAi) {
            String type = error.path("type").asString(null);
            errorType = type != null ? type : error.path("code").asString("unknown");
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
