package dev.breaker.spring.web.server;

import org.springframework.core.io.buffer.DataBuffer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.json.JsonFactory;

/**
 * Finds the top-level {@code "model"} string of a JSON object as its bytes arrive, with Jackson's
 * non-blocking parser, and stops at once: at the model, at the end of the top-level object, or at
 * anything that is not a JSON object. Nested {@code "model"} fields do not count. Its answer is the
 * model, or null when there is none to find within the first {@code limit} bytes.
 */
final class JsonModelScanner implements BodyInspector<String> {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonParser parser = JSON.createNonBlockingByteArrayParser(ObjectReadContext.empty());
    private final ByteArrayFeeder feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
    private final int limit;
    private int fed;
    private int depth;
    private boolean modelValueNext;
    private boolean done;
    private String model;

    JsonModelScanner(int limit) {
        this.limit = limit;
    }

    @Override
    public boolean inspect(DataBuffer buffer) {
        byte[] bytes = BodyInspector.readableBytes(buffer);
        return feed(bytes, 0, bytes.length);
    }

    /** Feeds the next bytes of the body; true once the answer is known. */
    boolean feed(byte[] bytes, int offset, int length) {
        if (done || length == 0) {
            return done;
        }
        int allowed = Math.min(length, limit - fed);
        fed += allowed;
        try {
            feeder.feedInput(bytes, offset, offset + allowed);
            readAvailableTokens();
        } catch (JacksonException notJson) {
            finish(null);
        }
        if (fed >= limit) {
            finish(model);
        }
        return done;
    }

    @Override
    public String answer() {
        finish(model);
        return model;
    }

    private void readAvailableTokens() {
        JsonToken token;
        while (!done && (token = parser.nextToken()) != JsonToken.NOT_AVAILABLE) {
            if (token == null) {
                finish(null);
            } else if (depth == 0) {
                if (token == JsonToken.START_OBJECT) {
                    depth = 1;
                } else {
                    finish(null);
                }
            } else if (modelValueNext) {
                finish(token == JsonToken.VALUE_STRING ? parser.getString() : null);
            } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                if (--depth == 0) {
                    finish(null);
                }
            } else if (token == JsonToken.PROPERTY_NAME && depth == 1) {
                modelValueNext = "model".equals(parser.currentName());
            }
        }
    }

    private void finish(String found) {
        if (!done) {
            done = true;
            model = found;
            parser.close();
        }
    }
}
