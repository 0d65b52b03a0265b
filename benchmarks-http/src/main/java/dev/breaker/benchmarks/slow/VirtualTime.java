package dev.breaker.benchmarks.slow;

import dev.breaker.core.clock.ManualClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulation's time, in milliseconds since its start, as both breakers' clocks see it. */
final class VirtualTime extends Clock {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final ManualClock manual = new ManualClock(START);
    private long now;

    /** Moves time forward to {@code at} (never back). */
    void advanceTo(long at) {
        if (at > now) {
            manual.advance(Duration.ofMillis(at - now));
            now = at;
        }
    }

    long now() {
        return now;
    }

    ManualClock manual() {
        return manual;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return START.plusMillis(now);
    }
}
