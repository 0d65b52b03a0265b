package dev.breaker.spring.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;

/**
 * The one template of a blocking guarded call, for every client whose send returns a response
 * ({@code RestClient}, OkHttp, the Anthropic and OpenAI SDKs, LangChain4j): send; judge the response
 * (handing on a body that decides, judged as it is read); on any failure report it, close a response
 * that will not be handed on, and rethrow; in every case give an unreported permit back.
 */
public final class BlockingCall {

    /** Reads one client's response type. */
    public interface ResponseReader<R> {

        int status(R response) throws IOException;

        /** The first value of a header, or null. */
        String header(R response, String name);

        /** Whether the client buffers bodies: then {@link #bufferedBody}, else {@link #body} and {@link #withBody}. */
        default boolean buffersBodies() {
            return false;
        }

        /** The body as the client buffered it; asked for only when the body decides. */
        default byte[] bufferedBody(R response) {
            throw new UnsupportedOperationException("a streaming client has no buffered body");
        }

        /** The streaming body. */
        default InputStream body(R response) throws IOException {
            throw new UnsupportedOperationException("a client with buffered bodies has no streaming body");
        }

        /** {@code response} with {@code body} in place of its own; closing it closes both. */
        default R withBody(R response, InputStream body) {
            throw new UnsupportedOperationException("a client with buffered bodies cannot replace its body");
        }

        /** Closes a response that will not be handed on. */
        default void close(R response) {
        }
    }

    /** Sends the request. */
    @FunctionalInterface
    public interface Send<R, X extends Throwable> {
        R send() throws X;
    }

    private BlockingCall() {
    }

    /** {@link #execute(GuardedCall, ResponseReader, Send, BiConsumer)} with failures judged by {@link GuardedCall#fail}. */
    public static <R, X extends Throwable> R execute(GuardedCall call, ResponseReader<R> reader, Send<R, X> send)
            throws X, IOException {
        return execute(call, reader, send, GuardedCall::fail);
    }

    /**
     * @param onFailure reports what a failure of the send or of the judging means (most clients:
     *     {@link GuardedCall#fail}; a client that turns statuses into exceptions reports their status)
     */
    public static <R, X extends Throwable> R execute(GuardedCall call, ResponseReader<R> reader, Send<R, X> send,
                                                     BiConsumer<GuardedCall, Throwable> onFailure) throws X, IOException {
        R response = null;
        try {
            response = send.send();
            return judged(call, reader, response);
        } catch (Throwable failure) {
            onFailure.accept(call, failure);
            if (response != null) {
                reader.close(response);
            }
            throw failure;
        } finally {
            call.abandon();
        }
    }

    private static <R> R judged(GuardedCall call, ResponseReader<R> reader, R response) throws IOException {
        int status = reader.status(response);
        String contentType = reader.header(response, "Content-Type");
        if (reader.buffersBodies()) {
            call.respond(status, name -> reader.header(response, name), contentType, () -> reader.bufferedBody(response));
            return response;
        }
        if (!call.respond(status, name -> reader.header(response, name), contentType)) {
            return response;
        }
        return reader.withBody(response, call.body(reader.body(response)));
    }
}
