package dev.breaker.spring.dialect;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Finds the top-level {@code "model"} string of a JSON request body, wherever it stands in the
 * top-level object: the official SDKs write it after {@code messages}, which may be megabytes of
 * text and images. Nested {@code "model"} fields do not count; a body that is not a JSON object, or
 * whose top-level {@code model} is not a string, has none.
 *
 * <p>Bytes are fed as they arrive ({@link #feed}) and the search stops at once when the answer is
 * known, or after {@code limit} bytes. It holds only what it must: the structure is followed byte by
 * byte, other values are skipped without being kept (a 20 MB base64 image costs nothing here), and
 * only the model's own text is kept, up to {@link #MAX_MODEL_BYTES} (a longer "model" is no model).
 * Jackson decodes the escapes of the few strings that are kept. Not thread-safe: one per body.
 */
public final class TopLevelModel {

    /** A model name longer than this is not a model name; it is not kept. */
    public static final int MAX_MODEL_BYTES = 64 * 1024;

    private static final int MAX_KEY_BYTES = 64;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private enum Expect { ROOT, KEY_OR_END, KEY, COLON, VALUE, AFTER_VALUE }

    private final long limit;
    private long fed;
    private Expect expect = Expect.ROOT;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean inScalar;
    private ByteArrayOutputStream kept;
    private int keepLimit;
    private boolean keyIsModel;
    private boolean done;
    private boolean limitReached;
    private String model;

    /** @param limit how many bytes to search at most */
    public TopLevelModel(long limit) {
        this.limit = limit;
    }

    /** The top-level model of a whole body, or null. */
    public static String of(byte[] body) {
        if (body == null) {
            return null;
        }
        TopLevelModel search = new TopLevelModel(Long.MAX_VALUE);
        search.feed(body, 0, body.length);
        return search.finish();
    }

    /** Feeds the next bytes of the body; true once the answer is known. */
    public boolean feed(byte[] bytes, int offset, int length) {
        int end = offset + (int) Math.min(length, limit - fed);
        for (int i = offset; i < end && !done; i++) {
            step(bytes[i]);
        }
        fed += end - offset;
        return checkLimit();
    }

    private boolean checkLimit() {
        if (!done && fed >= limit) {
            limitReached = true;
            done = true;
        }
        return done;
    }

    /** Feeds the readable bytes of {@code buffer}, without copying them or moving its position. */
    public boolean feed(ByteBuffer buffer) {
        int start = buffer.position();
        int end = start + (int) Math.min(buffer.remaining(), limit - fed);
        for (int i = start; i < end && !done; i++) {
            step(buffer.get(i));
        }
        fed += end - start;
        return checkLimit();
    }

    /** The body has ended: the answer, which is null when there is no top-level model. */
    public String finish() {
        done = true;
        return model;
    }

    public boolean isDone() {
        return done;
    }

    /** The model, or null (not found, not yet found, or none). */
    public String model() {
        return model;
    }

    /** Whether the search stopped at {@code limit} bytes without an answer. */
    public boolean limitReached() {
        return limitReached;
    }

    private void step(byte b) {
        if (inString) {
            string(b);
        } else if (depth > 1) {
            nested(b);
        } else if (inScalar && !(b == ',' || b == '}' || isSpace(b))) {
            return; // the rest of a number, true, false or null
        } else {
            inScalar = false;
            structure(b);
        }
    }

    private void structure(byte b) {
        if (isSpace(b)) {
            return;
        }
        switch (expect) {
            case ROOT -> {
                if (b == '{') {
                    depth = 1;
                    expect = Expect.KEY_OR_END;
                } else {
                    stop(null);
                }
            }
            case KEY_OR_END, KEY -> {
                if (b == '"') {
                    startString(MAX_KEY_BYTES);
                } else {
                    stop(null); // the end of an object without a model, or not JSON
                }
            }
            case COLON -> {
                if (b == ':') {
                    expect = Expect.VALUE;
                } else {
                    stop(null);
                }
            }
            case VALUE -> value(b);
            case AFTER_VALUE -> {
                if (b == ',') {
                    expect = Expect.KEY;
                } else {
                    stop(null); // '}' ends the object without a model; anything else is not JSON
                }
            }
        }
    }

    private void value(byte b) {
        if (b == '"') {
            startString(keyIsModel ? MAX_MODEL_BYTES : 0);
        } else if (keyIsModel) {
            stop(null); // a model that is not a string
        } else if (b == '{' || b == '[') {
            depth = 2;
        } else if (b == '-' || (b >= '0' && b <= '9') || b == 't' || b == 'f' || b == 'n') {
            inScalar = true; // a number, true, false or null: skipped to its end
            expect = Expect.AFTER_VALUE;
        } else {
            stop(null); // not JSON: nothing in it can be trusted to be the model
        }
    }

    private void nested(byte b) {
        if (b == '"') {
            startString(0);
        } else if (b == '{' || b == '[') {
            depth++;
        } else if ((b == '}' || b == ']') && --depth == 1) {
            expect = Expect.AFTER_VALUE;
        }
    }

    private void startString(int keep) {
        inString = true;
        escaped = false;
        keepLimit = keep;
        kept = keep > 0 ? new ByteArrayOutputStream(Math.min(keep, 64)) : null;
    }

    private void string(byte b) {
        if (escaped) {
            escaped = false;
        } else if (b == '\\') {
            escaped = true;
        } else if (b == '"') {
            inString = false;
            endString();
            return;
        }
        if (kept != null) {
            if (kept.size() < keepLimit) {
                kept.write(b);
            } else {
                kept = null; // too long to be what we look for
                if (depth == 1 && expect == Expect.VALUE) {
                    stop(null);
                }
            }
        }
    }

    private void endString() {
        if (depth > 1) {
            return;
        }
        if (expect == Expect.KEY_OR_END || expect == Expect.KEY) {
            keyIsModel = kept != null && "model".equals(decode(kept));
            expect = Expect.COLON;
        } else if (expect == Expect.VALUE) {
            if (keyIsModel) {
                stop(kept == null ? null : decode(kept));
            } else {
                expect = Expect.AFTER_VALUE;
            }
        }
        kept = null;
    }

    private void stop(String found) {
        model = found;
        done = true;
    }

    /** The text of a JSON string's raw bytes (between the quotes), escapes decoded; null if malformed. */
    private static String decode(ByteArrayOutputStream raw) {
        byte[] bytes = raw.toByteArray();
        boolean plain = true;
        for (byte b : bytes) {
            plain &= b != '\\';
        }
        if (plain) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        byte[] quoted = new byte[bytes.length + 2];
        quoted[0] = '"';
        System.arraycopy(bytes, 0, quoted, 1, bytes.length);
        quoted[quoted.length - 1] = '"';
        try {
            return JSON.readValue(quoted, String.class);
        } catch (JacksonException malformed) {
            return null;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
