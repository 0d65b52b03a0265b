package dev.breaker.core;

import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.store.InMemoryStateStore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A breaker on a manual clock that remembers its transitions. */
final class BreakerFixture {

    final ManualClock clock = new ManualClock();
    final List<StateTransition> transitions = new CopyOnWriteArrayList<>();

    Breaker breaker(BreakerConfig config) {
        return new Breaker(new BreakerId("p", "k"), config, clock, transitions::add, InMemoryStateStore.INSTANCE);
    }

    static void fail(Breaker breaker, int times) {
        for (int i = 0; i < times; i++) {
            breaker.acquire().onFailure(503);
        }
    }

    static void succeed(Breaker breaker, int times) {
        for (int i = 0; i < times; i++) {
            breaker.acquire().onSuccess();
        }
    }
}
