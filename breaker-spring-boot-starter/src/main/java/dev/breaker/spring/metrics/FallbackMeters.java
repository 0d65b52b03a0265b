package dev.breaker.spring.metrics;

import dev.breaker.spring.fallback.FallbackListener;
import dev.breaker.spring.fallback.FallbackMove;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counter {@code breaker.fallbacks} (Prometheus {@code breaker_fallbacks_total}), tagged {@code from}
 * and {@code to} with the entries as written: one increment per move from one entry of the fallback
 * chain to the next. A chain only ever moves to the next entry, so its series are known up front and
 * registered at zero, which lets a dashboard graph them before the first outage.
 */
public final class FallbackMeters implements FallbackListener {

    static final String NAME = "breaker.fallbacks";

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    /** @param entries the chain's entries as written, in order */
    public FallbackMeters(MeterRegistry registry, List<String> entries) {
        this.registry = registry;
        for (int i = 0; i + 1 < entries.size(); i++) {
            counter(entries.get(i), entries.get(i + 1));
        }
    }

    @Override
    public void moved(FallbackMove move) {
        counter(move.from(), move.to()).increment();
    }

    private Counter counter(String from, String to) {
        return counters.computeIfAbsent(List.of(from, to), pair -> Counter.builder(NAME)
                .description("Prompts that moved on from one fallback entry to the next")
                .tag("from", from)
                .tag("to", to)
                .register(registry));
    }
}
