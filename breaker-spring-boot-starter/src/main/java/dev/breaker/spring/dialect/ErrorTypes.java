package dev.breaker.spring.dialect;

import java.util.List;

/** The providers' error types that say "overloaded" or "try again later", in one place. */
public final class ErrorTypes {

    /** Anthropic's overload (HTTP 529, and inside a stream). */
    public static final String OVERLOADED = "overloaded_error";

    /** Anthropic's rate limit. */
    public static final String RATE_LIMITED = "rate_limit_error";

    /** Anthropic's internal error. */
    public static final String API_ERROR = "api_error";

    /** OpenAI's type for an error inside a stream. */
    public static final String SERVER_ERROR = "server_error";

    /** The default {@code stream-failure-types}. */
    public static final List<String> STREAM_FAILURES = List.of(OVERLOADED, RATE_LIMITED, API_ERROR, SERVER_ERROR);

    private ErrorTypes() {
    }
}
