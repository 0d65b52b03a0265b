package dev.breaker.sample.sim;

import java.util.List;
import java.util.Map;

/** What one provider's API looks like on the wire: its bodies, events, errors and headers. */
interface Dialect {

    /** The model named when a request names none. */
    String defaultModel();

    /** The header that carries a request id, such as {@code request-id}. */
    String requestIdHeader();

    /** A complete, non-streamed answer. */
    Map<String, Object> message(String id, String model, String text);

    /**
     * A streamed answer as raw {@code text/event-stream} frames, each ending with a blank line.
     * With {@code failMidway}, the stream stops after a few deltas with the provider's error event.
     */
    List<String> stream(String id, String model, List<String> words, boolean failMidway);

    /** How many of a {@link #stream}'s first frames carry no generated content (start events, pings, a role chunk). */
    int framesBeforeContent();

    /** 429, {@code retry-after} and the provider's rate-limit headers. */
    SimReply rateLimited(String model, int retryAfterSeconds);

    /** The provider's answer when it is overloaded (Anthropic 529). */
    SimReply overloaded();

    /** 503. */
    SimReply unavailable();
}
