package dev.breaker.spring.judge;

import dev.breaker.core.classify.ResponseHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the Anthropic and OpenAI Java SDKs' status exceptions carry, made into an {@link Answer}. Both
 * SDKs come from one generator, so their exceptions have one shape: {@code statusCode()},
 * {@code headers()} and the parsed JSON {@code body()}.
 *
 * <p>An {@code SseException} is an error event that broke a 2xx stream; its status is the stream's.
 * It becomes the event stream the door saw ({@code data: <event>}), so that it is judged by the same
 * {@code stream-failure-types} rule: an {@code overloaded_error} counts, an {@code invalid_request_error} does not.
 */
final class SdkAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EVENT_STREAM = "text/event-stream";

    private SdkAnswers() {
    }

    /**
     * @param headerValues a header's values by name (case-insensitive, empty when absent)
     * @param body the body as plain Java values (maps, lists, strings, numbers), or null
     * @param streamEvent whether the exception is an error event inside a stream
     */
    static Answer answer(int status, Function<String, List<String>> headerValues, Supplier<Object> body,
                         boolean streamEvent) {
        ResponseHeaders headers = name -> first(headerValues.apply(name));
        JsonNode json = json(body);
        if (streamEvent) {
            byte[] event = ("data: " + asEvent(json) + "\n\n").getBytes(StandardCharsets.UTF_8);
            return new Answer(status, headers, EVENT_STREAM, event);
        }
        byte[] bytes = json == null ? null : JSON.writeValueAsBytes(json);
        return new Answer(status, headers, headers.get("content-type"), bytes);
    }

    /** The event as the provider sent it: Anthropic's {@code {"type":"error","error":{…}}}, OpenAI's {@code {"error":{…}}}. */
    private static String asEvent(JsonNode body) {
        if (body == null) {
            return "{}";
        }
        if (body.has("error")) {
            return body.toString();
        }
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("error", body);
        return wrapped.toString();
    }

    private static JsonNode json(Supplier<Object> body) {
        try {
            Object value = body.get();
            return value == null ? null : JSON.valueToTree(value);
        } catch (RuntimeException unreadable) { // a body the SDK cannot convert, or Jackson cannot write
            return null;
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
