package dev.breaker.spring.it.gateway;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** An event stream that the test writes to one event at a time, to see each arrive before the next exists. */
public final class StreamGate {

    private volatile Sinks.Many<String> events = Sinks.many().unicast().onBackpressureBuffer();

    /** A fresh stream; the previous one is dropped. */
    public void open() {
        events = Sinks.many().unicast().onBackpressureBuffer();
    }

    public void emit(String data) {
        events.tryEmitNext(data).orThrow();
    }

    public void complete() {
        events.tryEmitComplete().orThrow();
    }

    Flux<String> events() {
        return events.asFlux();
    }
}
