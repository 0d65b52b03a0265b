package dev.breaker.spring.aop;

import dev.breaker.core.CallResult;
import dev.breaker.core.classify.OutcomeClassifier;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failed call means for the breaker, judged by its exception and the exception's causes:
 * <ol>
 *   <li>an exception that carries an HTTP status: that status, per {@code failure-statuses};</li>
 *   <li>a timeout, or a connection failure: per {@code count-timeouts};</li>
 *   <li>anything else (a bug, a validation error, a {@code BreakerOpenException} from a nested
 *       breaker): ignored, since it says nothing about the upstream's load.</li>
 * </ol>
 * Exception types of optional libraries (Netty, Reactor Netty) are matched by name.
 */
final class ExceptionOutcomes {

    private static final int MAX_CAUSES = 10;

    private static final Set<String> TIMEOUTS = Set.of(
            "java.util.concurrent.TimeoutException",
            "java.net.SocketTimeoutException",
            "java.net.http.HttpTimeoutException",
            "io.netty.handler.timeout.TimeoutException");

    private static final Set<String> CONNECTION_FAILURES = Set.of(
            "java.net.SocketException",
            "java.net.UnknownHostException",
            "java.nio.channels.ClosedChannelException",
            "reactor.netty.http.client.PrematureCloseException");

    private final List<HttpStatusReader> readers;
    private final OutcomeClassifier classifier;

    ExceptionOutcomes(List<HttpStatusReader> readers, OutcomeClassifier classifier) {
        this.readers = readers;
        this.classifier = classifier;
    }

    CallResult of(Throwable failure) {
        List<Throwable> chain = causes(unwrap(failure));
        for (Throwable cause : chain) {
            for (HttpStatusReader reader : readers) {
                CallResult result = reader.read(cause, classifier);
                if (result != null) {
                    return result;
                }
            }
        }
        for (Throwable cause : chain) {
            if (isA(cause, TIMEOUTS)) {
                return classifier.ofTimeout();
            }
            if (isA(cause, CONNECTION_FAILURES)) {
                return classifier.ofConnectionFailure();
            }
        }
        return CallResult.IGNORED;
    }

    /** The failure itself rather than the wrappers that futures and reflection put around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable error = failure;
        while ((error instanceof CompletionException || error instanceof ExecutionException
                || error instanceof InvocationTargetException || error instanceof UndeclaredThrowableException)
                && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    /** The error and its causes, at most {@value #MAX_CAUSES} of them, stopping at a cycle. */
    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = error; cause != null && chain.size() < MAX_CAUSES && !chain.contains(cause);
             cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static boolean isA(Throwable error, Set<String> typeNames) {
        for (Class<?> type = error.getClass(); type != null && type != Throwable.class; type = type.getSuperclass()) {
            if (typeNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
