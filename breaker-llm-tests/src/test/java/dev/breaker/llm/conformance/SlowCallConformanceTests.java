package dev.breaker.llm.conformance;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.breaker.core.Breaker;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.llm.conformance.Door.Call;
import dev.breaker.llm.conformance.DoorConformanceTests.DoorId;
import dev.breaker.llm.conformance.DoorConformanceTests.DoorKind;
import dev.breaker.spring.llm.LangChain4jBreakers;
import dev.breaker.spring.llm.OpenAiBreakers;
import dev.breaker.spring.outbound.OutboundGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow calls, at every door (issue 16): a call is slow when the time from its admission to the first
 * sign of an answer reaches {@code slow-call-duration} (300 ms in this context). The first sign is the
 * status line of a plain answer and, for an event stream, its first generated content: a stream whose
 * first token is late is slow though its status came at once, and a stream whose first token came at
 * once is not slow however long its generation runs. Failures can be slow; ignored calls never are.
 *
 * <p>The rows that must be quick run one door at a time, so that a loaded machine does not make them
 * slow; the rows that must be slow wait in parallel.
 */
@ConformanceContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowCallConformanceTests {

    private static final int LATE_MILLIS = 900;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger MODELS = new AtomicInteger();

    @Autowired
    BreakerRegistry registry;

    @Autowired
    OutboundGuard guard;

    @Autowired
    OpenAiBreakers openAiBreakers;

    @Autowired
    LangChain4jBreakers langChain4jBreakers;

    @Autowired
    AnnotatedClient annotatedClient;

    @Autowired
    WebClient.Builder webClientBuilder;

    @Autowired
    ObjectProvider<RestClientCustomizer> restClientCustomizers;

    @LocalServerPort
    int gatewayPort;

    private Doors doors;

    @BeforeAll
    void openEveryDoor() {
        doors = new Doors(guard, openAiBreakers, langChain4jBreakers, annotatedClient, webClientBuilder,
                restClientCustomizers.orderedStream().toList(), gatewayPort);
    }

    @AfterAll
    void closeEveryDoor() {
        doors.close();
    }

    @Test
    void aQuickAnswerIsNotSlowAtAnyDoor() {
        for (DoorId door : Doors.columns()) {
            assertThat(call(door, false, answer(door.dialect()))).as("%s: slow calls", door).isZero();
        }
    }

    @Test
    void aStreamWhoseFirstTokenCameAtOnceIsNotSlowHoweverLongItsGenerationRunsAtAnyDoor() {
        for (DoorId door : Doors.columns()) {
            ResponseDefinitionBuilder longGeneration = stream(door.dialect(), door.dialect().streamHead,
                    door.dialect().streamTail, 3 * LATE_MILLIS / 2);
            assertThat(call(door, true, longGeneration)).as("%s: slow calls", door).isZero();
        }
    }

    @Test
    void aPlainAnswerWhoseStatusLineIsLateIsSlowAtEveryDoor() {
        inParallel(door -> assertThat(call(door, false, answer(door.dialect()).withFixedDelay(LATE_MILLIS)))
                .as("%s: slow calls", door).isEqualTo(1));
    }

    @Test
    void aStreamWhoseFirstTokenIsLateIsSlowThoughItsStatusCameAtOnceAtEveryDoorButTheAnnotation() {
        inParallel(door -> {
            ResponseDefinitionBuilder lateFirstToken = stream(door.dialect(), leadingEvents(door.dialect()),
                    door.dialect().stream, 2 * LATE_MILLIS);
            // @ProviderBreaker times a Flux to its first element, here the stream's first event.
            int expected = door.kind() == DoorKind.PROVIDER_BREAKER ? 0 : 1;
            assertThat(call(door, true, lateFirstToken)).as("%s: slow calls", door).isEqualTo(expected);
        });
    }

    @Test
    void aSlowFailureIsSlowAndASlowIgnoredCallIsNotAtEveryDoor() {
        inParallel(door -> {
            String failing = model();
            Breaker failed = callFor(door, failing, false, aResponse().withStatus(503).withFixedDelay(LATE_MILLIS)
                    .withHeader("Content-Type", "application/json").withBody(door.dialect().error(503)));
            assertThat(failed.totalFailures()).as("%s: failures", door).isEqualTo(1);
            assertThat(failed.totalSlowCalls()).as("%s: slow calls", door).isEqualTo(1);

            String ignoredModel = model();
            callQuietly(door, ignoredModel, false, aResponse().withStatus(400).withFixedDelay(LATE_MILLIS)
                    .withHeader("Content-Type", "application/json").withBody(door.dialect().error(400)));
            Breaker ignored = registry.provider(provider(door)).find(door.dialect().key(ignoredModel));
            assertThat(ignored == null ? 0 : ignored.totalSlowCalls()).as("%s: an ignored call is never slow", door)
                    .isZero();
        });
    }

    /** One call through {@code door}; the slow calls its breaker counted. */
    private long call(DoorId door, boolean stream, ResponseDefinitionBuilder upstream) {
        return callFor(door, model(), stream, upstream).totalSlowCalls();
    }

    private Breaker callFor(DoorId door, String model, boolean stream, ResponseDefinitionBuilder upstream) {
        callQuietly(door, model, stream, upstream);
        String key = door.dialect().key(model);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Breaker breaker = registry.provider(provider(door)).find(key);
            return breaker != null && breaker.totalSuccesses() + breaker.totalFailures() > 0;
        });
        return registry.provider(provider(door)).find(key);
    }

    private void callQuietly(DoorId door, String model, boolean stream, ResponseDefinitionBuilder upstream) {
        Upstream server = Upstream.of(door.dialect());
        server.server().stubFor(any(urlPathEqualTo(door.dialect().endpoint))
                .withRequestBody(containing("\"" + model + "\"")).willReturn(upstream));
        doors.get(door).call(new Call(server.baseUrl(), model, stream, CALL_TIMEOUT));
    }

    private String provider(DoorId door) {
        return doors.get(door).provider();
    }

    private void inParallel(java.util.function.Consumer<DoorId> cell) {
        List<CompletableFuture<Void>> cells = new ArrayList<>();
        for (DoorId door : Doors.columns()) {
            cells.add(CompletableFuture.runAsync(() -> cell.accept(door), doors.callers()));
        }
        CompletableFuture.allOf(cells.toArray(CompletableFuture[]::new)).join();
    }

    private static String model() {
        return "slow-model-" + MODELS.incrementAndGet();
    }

    private static ResponseDefinitionBuilder answer(Dialect dialect) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(dialect.answer);
    }

    /**
     * A 200 event stream whose {@code first} part comes with the status line, and whose {@code second}
     * part comes {@code totalMillis / 2} later: both parts are padded to the same length, as WireMock
     * dribbles a body in chunks of equal size.
     */
    private static ResponseDefinitionBuilder stream(Dialect dialect, String first, String second, int totalMillis) {
        int length = Math.max(first.length(), second.length());
        String body = pad(first, length) + pad(second, length);
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body)
                .withChunkedDribbleDelay(2, totalMillis);
    }

    /** {@code events} followed by an SSE comment that brings it to {@code length} characters (ASCII). */
    private static String pad(String events, int length) {
        int missing = length - events.length();
        if (missing == 0) {
            return events;
        }
        return events + ":" + " ".repeat(Math.max(0, missing - 3)) + "\n\n";
    }

    /** The events a stream starts with before any generated content. */
    private static String leadingEvents(Dialect dialect) {
        if (dialect == Dialect.ANTHROPIC) {
            return dialect.streamHead.substring(0, dialect.streamHead.indexOf("event: content_block_delta"));
        }
        return "data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
                + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"logprobs\":null,\"finish_reason\":null}]}\n\n";
    }
}
