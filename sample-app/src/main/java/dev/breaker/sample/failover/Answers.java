package dev.breaker.sample.failover;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Which entry of the chain answered the failover demo's prompts: for the live page. */
@Component
class Answers {

    private final Map<String, LongAdder> byEntry = new ConcurrentHashMap<>();
    private final AtomicReference<String> last = new AtomicReference<>();

    void servedBy(String entry) {
        byEntry.computeIfAbsent(entry, name -> new LongAdder()).increment();
        last.set(entry);
    }

    String last() {
        return last.get();
    }

    Map<String, Long> byEntry() {
        Map<String, Long> counts = new LinkedHashMap<>();
        byEntry.forEach((entry, count) -> counts.put(entry, count.sum()));
        return counts;
    }
}
