package dev.breaker.spring.web.server;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class BodyPeekTests {

    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);
    private final List<NettyDataBuffer> created = new ArrayList<>();

    @Test
    void replaysTheIdenticalBodyAfterFindingTheModel() {
        Flux<DataBuffer> body = Flux.just("{\"model\":", "\"gpt-4o\",", "\"messages\":[]", "}").map(this::buffer);
        BodyPeek.Peeked<String> peeked = BodyPeek.peek(body, new JsonModelScanner(1024 * 1024), 1024).block();
        assertThat(peeked.answer()).isEqualTo("gpt-4o");
        assertThat(text(peeked.body())).isEqualTo("{\"model\":\"gpt-4o\",\"messages\":[]}");
        assertAllReleased();
    }

    @Test
    void readsNoFurtherThanTheInspectorNeeds() {
        AtomicInteger emitted = new AtomicInteger();
        Flux<DataBuffer> body = Flux.range(0, 100).map(i -> i == 0 ? "{\"model\":\"m\"," : "\"f" + i + "\":1,")
                .concatWithValues("\"end\":0}").map(this::buffer).doOnNext(buffer -> emitted.incrementAndGet());
        BodyPeek.Peeked<String> peeked = BodyPeek.peek(body, new JsonModelScanner(1024 * 1024), 1024 * 1024).block();
        assertThat(peeked.answer()).isEqualTo("m");
        assertThat(emitted).hasValue(1);
        assertThat(text(peeked.body())).startsWith("{\"model\":\"m\",\"f1\":1,").endsWith("\"f99\":1,\"end\":0}");
        assertThat(emitted).hasValue(101);
        assertAllReleased();
    }

    @Test
    void stopsReadingAtTheCapWithoutAnAnswer() {
        AtomicInteger emitted = new AtomicInteger();
        Flux<DataBuffer> body = Flux.range(0, 50).map(i -> i == 0 ? "{\"text\":\"" : "0123456789")
                .concatWithValues("\",\"model\":\"late\"}").map(this::buffer).doOnNext(buffer -> emitted.incrementAndGet());
        BodyPeek.Peeked<String> peeked = BodyPeek.peek(body, new JsonModelScanner(1024 * 1024), 100).block();
        assertThat(peeked.answer()).isNull();
        assertThat(emitted).hasValue(11);
        assertThat(text(peeked.body())).endsWith("0123456789\",\"model\":\"late\"}");
        assertAllReleased();
    }

    @Test
    void answersForAnEmptyBody() {
        BodyPeek.Peeked<String> peeked = BodyPeek.peek(Flux.<DataBuffer>empty(), new JsonModelScanner(1024 * 1024), 100).block();
        assertThat(peeked.answer()).isNull();
        StepVerifier.create(peeked.body()).verifyComplete();
    }

    @Test
    void passesOnTheReadersDemand() {
        TestPublisher<DataBuffer> source = TestPublisher.create();
        AtomicReference<BodyPeek.Peeked<String>> peeked = new AtomicReference<>();
        BodyPeek.peek(source, new JsonModelScanner(1024 * 1024), 1024).subscribe(peeked::set);
        source.assertMinRequested(1).next(buffer("{\"model\":\"a\","));
        assertThat(peeked.get().answer()).isEqualTo("a");
        source.assertMaxRequested(0);

        StepVerifier.create(peeked.get().body().map(BodyPeekTests::release), 0)
                .thenRequest(1).expectNext("{\"model\":\"a\",")
                .then(() -> source.assertMaxRequested(0))
                .thenRequest(1).then(() -> source.assertMinRequested(1).next(buffer("\"x\":1}")))
                .expectNext("\"x\":1}")
                .then(source::complete)
                .verifyComplete();
    }

    @Test
    void releasesWhatItReadAndCancelsTheSourceWhenTheBodyIsNeverRead() {
        TestPublisher<DataBuffer> source = TestPublisher.create();
        AtomicReference<BodyPeek.Peeked<String>> peeked = new AtomicReference<>();
        BodyPeek.peek(source, new JsonModelScanner(1024 * 1024), 1024).subscribe(peeked::set);
        source.next(buffer("{\"model\":\"a\","));
        peeked.get().discardIfUnread();
        source.assertCancelled();
        assertAllReleased();
        StepVerifier.create(peeked.get().body()).verifyError(IllegalStateException.class);
    }

    @Test
    void letsTheBodyBeReadOnlyOnceAndIgnoresALaterDiscard() {
        BodyPeek.Peeked<String> peeked = BodyPeek.peek(Flux.just("{}").map(this::buffer), new JsonModelScanner(1024 * 1024), 100).block();
        assertThat(text(peeked.body())).isEqualTo("{}");
        peeked.discardIfUnread();
        StepVerifier.create(peeked.body()).verifyError(IllegalStateException.class);
    }

    @Test
    void passesASourceErrorOnToTheReader() {
        Flux<DataBuffer> body = Flux.just("{\"mod").map(this::buffer).concatWith(Flux.error(new IllegalStateException("reset")));
        BodyPeek.Peeked<String> peeked = BodyPeek.peek(body, new JsonModelScanner(1024 * 1024), 100).block();
        assertThat(peeked.answer()).isNull();
        StepVerifier.create(peeked.body().map(BodyPeekTests::release)).expectNext("{\"mod")
                .verifyErrorMessage("reset");
    }

    private DataBuffer buffer(String text) {
        NettyDataBuffer buffer = (NettyDataBuffer) buffers.wrap(text.getBytes(StandardCharsets.UTF_8));
        created.add(buffer);
        return buffer;
    }

    private static String text(Flux<DataBuffer> body) {
        return String.join("", body.map(BodyPeekTests::release).collectList().block());
    }

    private static String release(DataBuffer buffer) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        DataBufferUtils.release(buffer);
        return text;
    }

    private void assertAllReleased() {
        assertThat(created).allSatisfy(buffer -> assertThat(buffer.getNativeBuffer().refCnt()).isZero());
    }
}
