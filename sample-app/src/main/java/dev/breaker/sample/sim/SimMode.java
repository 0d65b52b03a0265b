package dev.breaker.sample.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** How a simulated provider answers. */
public enum SimMode {

    /** 200, JSON or a complete stream. */
    HEALTHY("healthy"),
    /** 429 with {@code retry-after} and the provider's rate-limit headers and body. */
    RATE_LIMITED("rate-limited"),
    /** Anthropic 529 {@code overloaded_error}; OpenAI has no 529 and answers 503 "overloaded". */
    OVERLOADED("overloaded"),
    /** 503. */
    UNAVAILABLE("unavailable"),
    /** Answers healthily, but only after {@code delayMillis}: beyond the gateway's timeout by default. */
    SLOW("slow"),
    /**
     * Always 200, but the first token comes only after {@code delayMillis} (1.5 s by default, within the
     * gateway's timeout): a stream's first events come at once, its content after the wait. Overloaded
     * providers slow down like this before they fail.
     */
    SLUGGISH("sluggish"),
    /** {@code failurePercent} % of calls fail as {@link #OVERLOADED}, the rest are healthy. */
    FLAKY("flaky"),
    /** Streams start with 200 and fail mid-way with an error event; plain JSON calls are healthy. */
    STREAM_ERROR("stream-error");

    private final String json;

    SimMode(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static SimMode of(String value) {
        return Arrays.stream(values())
                .filter(mode -> mode.json.equalsIgnoreCase(value) || mode.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mode '" + value + "'; one of "
                        + Arrays.stream(values()).map(SimMode::json).toList()));
    }
}
