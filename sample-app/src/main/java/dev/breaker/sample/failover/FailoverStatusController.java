package dev.breaker.sample.failover;

import dev.breaker.spring.fallback.FallbackChatModel;
import dev.breaker.spring.fallback.FallbackEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /demo/failover}, for the live page: the chain, which entry answered last and how often each
 * did, and the moves from one entry to the next, as the meter {@code breaker.fallbacks} counts them.
 */
@RestController
class FailoverStatusController {

    private final FallbackChatModel chain;
    private final MeterRegistry meters;
    private final Answers answers;

    FailoverStatusController(FallbackChatModel chain, MeterRegistry meters, Answers answers) {
        this.chain = chain;
        this.meters = meters;
        this.answers = answers;
    }

    @GetMapping("/demo/failover")
    Map<String, Object> status() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (FallbackEntry entry : chain.entries()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("entry", entry.name());
            shown.put("provider", entry.provider());
            shown.put("answers", answers.byEntry().getOrDefault(entry.name(), 0L));
            entries.add(shown);
        }
        List<Map<String, Object>> moves = new ArrayList<>();
        long total = 0;
        for (Counter counter : meters.find("breaker.fallbacks").counters()) {
            long count = (long) counter.count();
            total += count;
            moves.add(Map.of("from", counter.getId().getTag("from"), "to", counter.getId().getTag("to"),
                    "count", count));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("chain", entries);
        status.put("lastServedBy", answers.last());
        status.put("fallbacks", total);
        status.put("moves", moves);
        return status;
    }
}
