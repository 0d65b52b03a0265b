package dev.breaker.core.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to: every time rule can be tested without sleeping. */
public final class ManualClock implements BreakerClock {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong wallMillis;

    public ManualClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public ManualClock(Instant wallStart) {
        this.wallMillis = new AtomicLong(wallStart.toEpochMilli());
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time never runs backwards: " + duration);
        }
        nanos.addAndGet(duration.toNanos());
        wallMillis.addAndGet(duration.toMillis());
    }

    public Instant instant() {
        return Instant.ofEpochMilli(wallMillis.get());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long wallMillis() {
        return wallMillis.get();
    }
}
