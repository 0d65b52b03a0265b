package dev.breaker.benchmarks.http;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How much of a gateway's CPU the starter's code takes, from a JFR recording's execution samples:
 * unlike throughput, this does not move when other processes take the machine's cores.
 *
 * <p>Each sample's stack is walked from the running method outwards. It counts for the breaker when
 * the first frame that is either breaker code ({@code dev.breaker.spring}, {@code dev.breaker.core})
 * or the work the breaker wraps (the web handler behind the inbound filter, the HTTP exchange behind
 * the outbound filter, the gateway's own code) is breaker code: the breaker's methods and the library
 * code they call themselves. Reactor operators that the filters add, once running without a breaker
 * frame on the stack, are not counted; so this is a floor, and "anywhere on the stack" a ceiling
 * that also counts some wrapped work.
 */
final class JfrAttribution {

    private static final List<String> BREAKER = List.of("dev.breaker.spring.", "dev.breaker.core.");
    private static final List<String> WRAPPED = List.of(
            "org.springframework.web.reactive.DispatcherHandler",
            "org.springframework.web.reactive.function.client.ExchangeFunctions",
            "dev.breaker.sample.", "dev.breaker.benchmarks.");

    /** Execution samples, those attributed to the breaker, and those with a breaker frame anywhere. */
    record Share(long samples, long attributed, long anywhere) {

        double attributedPercent() {
            return samples == 0 ? 0 : 100.0 * attributed / samples;
        }

        double anywherePercent() {
            return samples == 0 ? 0 : 100.0 * anywhere / samples;
        }
    }

    private JfrAttribution() {
    }

    static Share of(Path recording) throws IOException {
        long samples = 0;
        long attributed = 0;
        long anywhere = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            Boolean first = null;
            boolean seen = false;
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String type = frame.getMethod().getType().getName();
                boolean breaker = startsWithAny(type, BREAKER);
                seen |= breaker;
                if (first == null && (breaker || startsWithAny(type, WRAPPED))) {
                    first = breaker;
                }
            }
            attributed += Boolean.TRUE.equals(first) ? 1 : 0;
            anywhere += seen ? 1 : 0;
        }
        return new Share(samples, attributed, anywhere);
    }

    private static boolean startsWithAny(String type, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
