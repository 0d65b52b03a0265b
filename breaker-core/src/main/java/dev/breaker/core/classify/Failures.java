package dev.breaker.core.classify;

import java.io.InterruptedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The one list of timeouts and connection failures, for every door: whichever HTTP client raised
 * them and however deeply they are wrapped ({@code WebClientRequestException},
 * {@code ResourceAccessException}, a future's {@code ExecutionException}), the whole cause chain is
 * searched. Types of optional libraries (Netty, Reactor Netty, Apache HttpClient) are matched by
 * class name, so none of them is needed.
 *
 * <ul>
 *   <li>timeouts: {@link TimeoutException}, {@link SocketTimeoutException}, {@link HttpTimeoutException},
 *       Netty's {@code ReadTimeoutException} and {@code WriteTimeoutException} and its connect timeout,
 *       Apache's {@code ConnectTimeoutException}, and OkHttp's call timeout (an
 *       {@link InterruptedIOException} whose message is {@code timeout});</li>
 *   <li>connection failures: {@link SocketException} (refused, reset, no route to host),
 *       {@link UnknownHostException}, {@link UnresolvedAddressException}, {@link ClosedChannelException},
 *       Netty's native transport errors ({@code Errors$NativeIoException}: on Linux, Reactor Netty's
 *       epoll transport reports a reset as "recvAddress(..) failed with error(-104): Connection reset
 *       by peer", an {@code IOException} that is no {@code SocketException}), Reactor Netty's
 *       {@code PrematureCloseException} and {@code AbortedException}, and Apache's
 *       {@code ConnectionClosedException}.</li>
 * </ul>
 */
public final class Failures {

    /** Deep enough for any wrapping seen in practice; stops a cause cycle from looping. */
    private static final int MAX_DEPTH = 16;

    private static final Set<String> TIMEOUT_CLASSES = Set.of(
            "io.netty.handler.timeout.TimeoutException",
            "io.netty.channel.ConnectTimeoutException",
            "org.apache.hc.client5.http.ConnectTimeoutException");

    private static final Set<String> CONNECTION_FAILURE_CLASSES = Set.of(
            "io.netty.channel.unix.Errors$NativeIoException",
            "reactor.netty.http.client.PrematureCloseException",
            "reactor.netty.channel.AbortedException",
            "org.apache.hc.core5.http.ConnectionClosedException");

    private static final String CALL_TIMEOUT_MESSAGE = "timeout";

    private Failures() {
    }

    public static boolean isTimeout(Throwable error) {
        return anyCause(error, cause -> cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                || cause instanceof HttpTimeoutException || isNamed(cause, TIMEOUT_CLASSES) || isCallTimeout(cause));
    }

    public static boolean isConnectionFailure(Throwable error) {
        return anyCause(error, cause -> cause instanceof SocketException || cause instanceof UnknownHostException
                || cause instanceof UnresolvedAddressException || cause instanceof ClosedChannelException
                || isNamed(cause, CONNECTION_FAILURE_CLASSES));
    }

    /** The failure itself rather than the wrappers that futures and reflection put around it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable error = failure;
        for (int depth = 0; depth < MAX_DEPTH && error.getCause() != null
                && (error instanceof CompletionException || error instanceof ExecutionException
                || error instanceof InvocationTargetException || error instanceof UndeclaredThrowableException); depth++) {
            error = error.getCause();
        }
        return error;
    }

    /** {@code error} and its causes, outermost first, stopping at a cycle. */
    public static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = error; cause != null && chain.size() < MAX_DEPTH && !chain.contains(cause);
             cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** OkHttp (through Okio's {@code AsyncTimeout}) reports an elapsed call timeout this way. */
    private static boolean isCallTimeout(Throwable error) {
        return error instanceof InterruptedIOException && CALL_TIMEOUT_MESSAGE.equals(error.getMessage());
    }

    private static boolean anyCause(Throwable error, Predicate<Throwable> test) {
        for (Throwable cause : causes(error)) {
            if (test.test(cause)) {
                return true;
            }
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
