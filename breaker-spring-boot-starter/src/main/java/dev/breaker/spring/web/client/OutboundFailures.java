package dev.breaker.spring.web.client;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Tells timeouts and connection failures from other errors, whichever HTTP client raised them and
 * however deeply Spring wrapped them ({@code WebClientRequestException}, {@code ResourceAccessException}):
 * the whole cause chain is searched. Client libraries that are optional (Netty, Apache HttpClient)
 * are recognised by class name, so none of them is needed on the classpath.
 *
 * <ul>
 *   <li>timeouts: {@link TimeoutException}, {@link SocketTimeoutException}, {@link HttpTimeoutException},
 *       Netty's {@code ReadTimeoutException} and {@code WriteTimeoutException}, Apache's
 *       {@code ConnectTimeoutException}, and OkHttp's call timeout (an {@link InterruptedIOException}
 *       whose message is {@code timeout}, as the Anthropic and OpenAI SDKs' OkHttp clients raise it);</li>
 *   <li>connection failures: {@link SocketException} (connection refused or reset, no route to host),
 *       {@link UnknownHostException}, {@link UnresolvedAddressException}, Reactor Netty's
 *       {@code PrematureCloseException} and Apache's {@code ConnectionClosedException} (the upstream
 *       closed the connection before answering).</li>
 * </ul>
 */
final class OutboundFailures {

    /** Deep enough for any wrapping seen in practice; stops a cause cycle from looping. */
    private static final int MAX_DEPTH = 16;

    private static final Set<String> TIMEOUT_CLASSES = Set.of(
            "io.netty.handler.timeout.TimeoutException",
            "org.apache.hc.client5.http.ConnectTimeoutException");

    private static final Set<String> CONNECTION_FAILURE_CLASSES = Set.of(
            "reactor.netty.http.client.PrematureCloseException",
            "org.apache.hc.core5.http.ConnectionClosedException");

    private static final String CALL_TIMEOUT_MESSAGE = "timeout";

    private OutboundFailures() {
    }

    static boolean isTimeout(Throwable error) {
        return anyCause(error, cause -> cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                || cause instanceof HttpTimeoutException || isNamed(cause, TIMEOUT_CLASSES) || isCallTimeout(cause));
    }

    static boolean isConnectionFailure(Throwable error) {
        // SocketException covers ConnectException (refused), NoRouteToHostException and "Connection reset".
        return anyCause(error, cause -> cause instanceof SocketException || cause instanceof UnknownHostException
                || cause instanceof UnresolvedAddressException || isNamed(cause, CONNECTION_FAILURE_CLASSES));
    }

    /** OkHttp (through Okio's {@code AsyncTimeout}) reports an elapsed call timeout this way. */
    private static boolean isCallTimeout(Throwable error) {
        return error instanceof InterruptedIOException && CALL_TIMEOUT_MESSAGE.equals(error.getMessage());
    }

    private static boolean anyCause(Throwable error, Predicate<Throwable> test) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (test.test(cause)) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }

    /** Whether the class of {@code error}, or one of its superclasses, has one of {@code names}. */
    private static boolean isNamed(Throwable error, Set<String> names) {
        for (Class<?> type = error.getClass(); type != null && type != Throwable.class; type = type.getSuperclass()) {
            if (names.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
