package dev.breaker.llm.conformance;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import java.time.Duration;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The rows of the conformance table: what the upstream does, and what every door's breaker must make
 * of it. The settings are the same at every door ({@code failure-threshold: 2}, {@code open-duration: 30s},
 * {@code max-open-duration: 10m}, the default {@code failure-statuses} 429, 503, 504, 529, and
 * {@code count-timeouts: true}), so the expected outcome and open period depend on the row alone.
 */
enum Scenario {

    OK("200", Verdict.SUCCESS, Kind.ANSWER, false,
            dialect -> json(200, dialect.answer), null),
    BAD_REQUEST("400", Verdict.IGNORED, Kind.ANSWER, false,
            dialect -> json(400, dialect.error(400)), null),
    UNAUTHORIZED("401", Verdict.IGNORED, Kind.ANSWER, false,
            dialect -> json(401, dialect.error(401)), null),
    /** 500 is not among the default failure-statuses: an application error, not an overload. */
    SERVER_ERROR("500", Verdict.IGNORED, Kind.ANSWER, false,
            dialect -> json(500, dialect.error(500)), null),
    UNAVAILABLE("503", Verdict.FAILURE, Kind.ANSWER, false,
            dialect -> json(503, dialect.error(503)), dialect -> Times.OPEN_DURATION),
    OVERLOADED("529", Verdict.FAILURE, Kind.ANSWER, false,
            dialect -> json(529, dialect.error(529)), dialect -> Times.OPEN_DURATION),
    RETRY_AFTER("429 with Retry-After: 120", Verdict.FAILURE, Kind.ANSWER, false,
            dialect -> json(429, dialect.error(429)).withHeader("Retry-After", "120"),
            dialect -> Duration.ofSeconds(120)),
    RATE_LIMIT_RESET("429 with only rate-limit reset headers", Verdict.FAILURE, Kind.ANSWER, false,
            Scenario::rateLimited,
            dialect -> dialect == Dialect.ANTHROPIC ? Duration.ofSeconds(150) : Duration.ofMinutes(6)),
    QUOTA("429 with a quota body", Verdict.QUOTA, Kind.ANSWER, false,
            dialect -> json(429, dialect.quotaError), dialect -> Times.MAX_OPEN_DURATION),
    STREAM("200 event stream", Verdict.SUCCESS, Kind.ANSWER, true,
            dialect -> eventStream(dialect.stream), null),
    STREAM_ERROR("200 event stream with an error event", Verdict.FAILURE, Kind.ANSWER, true,
            dialect -> eventStream(dialect.erroredStream), dialect -> Times.OPEN_DURATION),
    CONNECTION_RESET("connection reset", Verdict.FAILURE, Kind.ANSWER, false,
            dialect -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), dialect -> Times.OPEN_DURATION),
    CONNECTION_REFUSED("connection refused", Verdict.FAILURE, Kind.REFUSED_CONNECTION, false,
            null, dialect -> Times.OPEN_DURATION),
    TIMEOUT("timeout", Verdict.FAILURE, Kind.TIMEOUT, false,
            dialect -> json(200, dialect.answer).withFixedDelay((int) Times.UPSTREAM_DELAY.toMillis()),
            dialect -> Times.OPEN_DURATION),
    CANCELLED("cancelled before the answer", Verdict.IGNORED, Kind.CANCELLATION, true,
            dialect -> eventStream(dialect.stream).withFixedDelay((int) Times.UPSTREAM_DELAY.toMillis()), null),
    STREAM_ABANDONED("stream given up after its first content", Verdict.IGNORED, Kind.ABANDONED_STREAM, true,
            Scenario::slowStream, null),
    NON_ASCII_MODEL("non-ASCII model", Verdict.FAILURE, Kind.ANSWER, false,
            dialect -> json(529, dialect.error(529)), dialect -> Times.OPEN_DURATION) {
        @Override
        String model(Dialect dialect) {
            return dialect == Dialect.ANTHROPIC ? "claude-sonnet-4-5-préview" : "gpt-4o-préview";
        }
    },
    LONG_MODEL("model of 300 characters", Verdict.FAILURE, Kind.ANSWER, false,
            dialect -> json(529, dialect.error(529)), dialect -> Times.OPEN_DURATION) {
        @Override
        String model(Dialect dialect) {
            return super.model(dialect) + "-" + "x".repeat(300);
        }
    };

    static final Duration OPEN_DURATION = Times.OPEN_DURATION;


    private final String label;
    private final Verdict verdict;
    private final Kind kind;
    private final boolean stream;
    private final Function<Dialect, ResponseDefinitionBuilder> upstream;
    private final Function<Dialect, Duration> openFor;

    Scenario(String label, Verdict verdict, Kind kind, boolean stream,
             Function<Dialect, ResponseDefinitionBuilder> upstream, Function<Dialect, Duration> openFor) {
        this.label = label;
        this.verdict = verdict;
        this.kind = kind;
        this.stream = stream;
        this.upstream = upstream;
        this.openFor = openFor;
    }

    /** The settings' times, and the clients' and the upstream's (apart: an enum cannot use its own constants). */
    static final class Times {

        static final Duration OPEN_DURATION = Duration.ofSeconds(30);
        static final Duration MAX_OPEN_DURATION = Duration.ofMinutes(10);
        /** How long a call may take; only the timeout row is meant to run out of it. */
        static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
        static final Duration SHORT_CLIENT_TIMEOUT = Duration.ofMillis(300);
        /** How long the upstream keeps the timeout and cancellation rows waiting: far beyond the short timeout. */
        static final Duration UPSTREAM_DELAY = Duration.ofMillis(1_000);
        /** How long the upstream takes to send a slow stream, in {@link #SLOW_STREAM_CHUNKS} even chunks. */
        static final Duration SLOW_STREAM = Duration.ofSeconds(3);
        static final int SLOW_STREAM_CHUNKS = 60;

        private Times() {
        }
    }

    /** What the breaker makes of the row's answer. */
    enum Verdict {
        /** Counted as a success. */
        SUCCESS,
        /** Counted as a failure: the second one trips the breaker. */
        FAILURE,
        /** Counts for nothing and leaves no breaker behind, however often it happens. */
        IGNORED,
        /** Opens the breaker at once. */
        QUOTA
    }

    /** What the upstream is, for the row. */
    enum Kind {
        /** WireMock answers (or breaks the connection). */
        ANSWER,
        /** Nothing listens on the upstream's port. */
        REFUSED_CONNECTION,
        /** WireMock answers after the caller's timeout. */
        TIMEOUT,
        /** WireMock answers late; the caller cancels once the request has reached it. */
        CANCELLATION,
        /** WireMock streams the first content at once and the rest late; the caller stops after the first content. */
        ABANDONED_STREAM
    }

    Verdict verdict() {
        return verdict;
    }

    Kind kind() {
        return kind;
    }

    /** Whether the row's calls are streaming calls ({@code "stream": true}, the client's streaming API). */
    boolean stream() {
        return stream;
    }

    /** How the upstream answers, or null when nothing listens. */
    ResponseDefinitionBuilder upstream(Dialect dialect) {
        return upstream == null ? null : upstream.apply(dialect);
    }

    /** How long the breaker stays open after it trips, per the answer's headers or else the settings. */
    Duration openFor(Dialect dialect) {
        return openFor == null ? null : openFor.apply(dialect);
    }

    Duration clientTimeout() {
        return kind == Kind.TIMEOUT ? Times.SHORT_CLIENT_TIMEOUT : Times.CLIENT_TIMEOUT;
    }

    /** A model of the row's own, so that every row has a breaker of its own at every door. */
    String model(Dialect dialect) {
        String family = dialect == Dialect.ANTHROPIC ? "claude-sonnet-4-5" : "gpt-4o";
        return family + "-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return label;
    }

    private static ResponseDefinitionBuilder rateLimited(Dialect dialect) {
        ResponseDefinitionBuilder response = json(429, dialect.error(429));
        dialect.rateLimitHeaders.forEach(response::withHeader);
        return response;
    }

    /**
     * A clean stream whose first content comes at once (in the first of {@link Times#SLOW_STREAM_CHUNKS}
     * chunks, 50 ms after the headers) and whose end comes only after {@link Times#SLOW_STREAM}.
     * WireMock can only dribble a body in even chunks, so SSE comment lines (keep-alives, which every
     * SSE client skips) pad the body until its first chunk holds the whole first content.
     */
    private static ResponseDefinitionBuilder slowStream(Dialect dialect) {
        StringBuilder body = new StringBuilder(dialect.streamHead);
        while (body.length() < dialect.streamHead.length() * Times.SLOW_STREAM_CHUNKS) {
            body.append(": keep-alive\n\n");
        }
        body.append(dialect.streamTail);
        return eventStream(body.toString())
                .withChunkedDribbleDelay(Times.SLOW_STREAM_CHUNKS, (int) Times.SLOW_STREAM.toMillis());
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder eventStream(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }
}
