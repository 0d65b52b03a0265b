package dev.breaker.spring.dialect;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StreamScannerTests {

    private static final Set<String> FAILURES = Set.of("overloaded_error", "server_error");

    private final AtomicInteger firstContent = new AtomicInteger();
    private final StreamScanner scanner = new StreamScanner(FAILURES, firstContent::incrementAndGet);

    @Test
    void anthropicsFirstContentIsItsFirstContentBlockDeltaNotMessageStartOrPing() {
        feed("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"content\":[]}}\n\n"
                + "event: ping\ndata: {\"type\": \"ping\"}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        assertThat(scanner.sawContent()).isFalse();

        feed("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n");
        feed("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"!\"}}\n\n");

        assertThat(scanner.sawContent()).isTrue();
        assertThat(firstContent).as("told once").hasValue(1);
    }

    @Test
    void openAisFirstContentIsAChunkWithTextOrAToolCallNotTheRoleOnlyChunk() {
        feed("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n");
        feed("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n");
        assertThat(scanner.sawContent()).isFalse();

        feed("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n");

        assertThat(firstContent).hasValue(1);
    }

    @Test
    void aToolCallDeltaIsContentToo() {
        feed("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}}]}\n\n");

        assertThat(scanner.sawContent()).isTrue();
    }

    @Test
    void anEventSplitAcrossChunksIsSeenWhenItsLineEnds() {
        feed("data: {\"choices\":[{\"index\":0,\"del");
        assertThat(scanner.sawContent()).isFalse();
        feed("ta\":{\"content\":\"x\"}}]}\n");

        assertThat(scanner.sawContent()).isTrue();
    }

    @Test
    void anErrorBeforeAnyContentIsAFailureWithoutContent() {
        feed("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{}}\n\n"
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"x\"}}\n\n");

        assertThat(scanner.sawFailure()).isTrue();
        assertThat(scanner.sawContent()).isFalse();
    }

    @Test
    void anOpenAiErrorChunkAfterContentIsAFailure() {
        feed("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                + "data: {\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}\n\n");

        assertThat(scanner.sawContent()).isTrue();
        assertThat(scanner.sawFailure()).isTrue();
        assertThat(scanner.errorType()).isEqualTo("server_error");
    }

    @Test
    void anErrorTypeOutsideTheFailureTypesIsSeenButIsNoFailure() {
        feed("data: {\"error\":{\"type\":\"invalid_request_error\"}}\n");

        assertThat(scanner.errorType()).isEqualTo("invalid_request_error");
        assertThat(scanner.sawFailure()).isFalse();
    }

    private void feed(String text) {
        scanner.feed(text.getBytes(StandardCharsets.UTF_8));
    }
}
