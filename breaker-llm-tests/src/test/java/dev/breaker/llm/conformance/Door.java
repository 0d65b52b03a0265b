package dev.breaker.llm.conformance;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.llm.BreakerRejections;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One way a call reaches a breaker, as its users write it. Every door guards its calls with a
 * provider of its own, with the same settings as every other door's.
 */
interface Door {

    /** The provider whose breakers guard this door's calls. */
    String provider();

    Dialect dialect();

    /** Makes one call and says what the caller got. Never throws for what the upstream or the breaker did. */
    Answer call(Call call);

    /**
     * Starts a call that the caller then gives up on; running the returned action cancels it, the
     * way this door's users cancel (disposing a subscription, cancelling a future, interrupting a
     * blocked thread, going away as a client).
     */
    Runnable start(Call call);

    /**
     * Makes a streaming call, takes its first generated content, and gives up on the rest the way
     * this door's users stop reading a stream (closing it, disposing of the subscription, cancelling
     * the stream's handle).
     */
    Answer abandonStream(Call call);

    /**
     * One call.
     *
     * @param baseUrl where the provider is (scheme, host and port)
     * @param model the request's model
     * @param stream whether it asks for a stream, through the client's streaming API where it has one
     * @param timeout how long the caller waits for the answer
     */
    record Call(String baseUrl, String model, boolean stream, Duration timeout) {
    }

    /**
     * What the caller got.
     *
     * @param refusal the breaker's refusal as the caller can recover it, or null when the call was not refused
     * @param rejectionBody the body of a refusal that was answered over HTTP, or null
     * @param detail the answer or the error, for failure messages
     */
    record Answer(BreakerOpenException refusal, String rejectionBody, Object detail) {

        static Answer of(Object result) {
            return new Answer(null, null, result);
        }

        /** What {@code result} gives, or the error it throws as {@link #failed}. */
        static Answer catching(Supplier<?> result) {
            try {
                return of(result.get());
            } catch (RuntimeException e) {
                return failed(e);
            }
        }

        /** An error, which is a refusal when {@link BreakerRejections#find} finds one in it. */
        static Answer failed(Throwable error) {
            return new Answer(BreakerRejections.find(error).orElse(null), null, error);
        }

        boolean refused() {
            return refusal != null;
        }

        @Override
        public String toString() {
            return refused() ? "refused: " + refusal.getMessage() : String.valueOf(detail);
        }
    }
}
