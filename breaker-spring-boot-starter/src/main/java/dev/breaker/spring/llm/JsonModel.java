package dev.breaker.spring.llm;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.nio.charset.StandardCharsets;

/**
 * The top-level {@code "model"} string of a JSON request body, as the LLM clients send it. Nested
 * {@code "model"} fields do not count; anything that is not a JSON object has no model. Reading
 * stops at the model: other fields are skipped, not bound.
 */
final class JsonModel {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonModel() {
    }

    /** The model, or null when there is none. */
    static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                boolean isModel = "model".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (isModel) {
                    return value == JsonToken.VALUE_STRING ? parser.getString() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    static String of(String body) {
        return body == null ? null : of(body.getBytes(StandardCharsets.UTF_8));
    }
}
