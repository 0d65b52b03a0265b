package dev.breaker.sample.sim;

import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * How a sluggish provider waits before its first token. The application waits in real time; the
 * tests replace this bean with one that moves the breakers' manual clock instead, so that a slow
 * call is slow to the breaker without a test having to wait for it.
 */
@FunctionalInterface
public interface FirstTokenDelay {

    /** Completes once {@code delay} has passed. */
    Mono<Void> await(Duration delay);

    static FirstTokenDelay realTime() {
        return delay -> Mono.delay(delay).then();
    }
}
