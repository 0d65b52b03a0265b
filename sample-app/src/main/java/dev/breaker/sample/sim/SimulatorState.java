package dev.breaker.sample.sim;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The rules of every simulated provider. Each provider starts healthy; a rule applies to the calls
 * it covers, and the most specific covering rule wins. Safe to read and change from any thread:
 * each provider's rules are an immutable list, swapped whole.
 */
@Component
public class SimulatorState {

    /** The providers that the simulator speaks, in the order the page shows them. */
    public static final List<String> PROVIDERS = List.of("anthropic", "openai");

    private final Map<String, List<SimRule>> rules = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> served = new ConcurrentHashMap<>();

    public SimulatorState() {
        PROVIDERS.forEach(provider -> {
            rules.put(provider, List.of());
            served.put(provider, new LongAdder());
        });
    }

    public boolean knows(String provider) {
        return rules.containsKey(provider);
    }

    /** Counts a call that reached the simulated provider (a call that a breaker rejected never does). */
    void countCall(String provider) {
        served.get(provider).increment();
    }

    /** How many calls each simulated provider has answered since start-up. */
    public Map<String, Long> served() {
        Map<String, Long> counts = new LinkedHashMap<>();
        PROVIDERS.forEach(provider -> counts.put(provider, served.get(provider).sum()));
        return counts;
    }

    /** How {@code provider} answers a call to {@code endpoint} for {@code model} (either may be null). */
    public SimRule ruleFor(String provider, String endpoint, String model) {
        return rules.getOrDefault(provider, List.of()).stream()
                .filter(rule -> rule.covers(endpoint, model))
                .max(Comparator.comparingInt(SimRule::specificity))
                .orElse(SimRule.healthy());
    }

    /** Sets the rule for the rule's endpoint and model, replacing the one that had the same target. */
    public void put(String provider, SimRule rule) {
        rules.computeIfPresent(provider, (name, current) -> {
            List<SimRule> next = new ArrayList<>(current);
            next.removeIf(rule::sameTarget);
            next.add(rule);
            return List.copyOf(next);
        });
    }

    /** Drops the rule for exactly this endpoint and model (null: any). */
    public void remove(String provider, String endpoint, String model) {
        SimRule target = new SimRule(SimMode.HEALTHY, endpoint, model, null, null, null);
        rules.computeIfPresent(provider, (name, current) -> current.stream()
                .filter(rule -> !rule.sameTarget(target))
                .toList());
    }

    /** Makes the provider healthy again for every endpoint and model. */
    public void clear(String provider) {
        rules.computeIfPresent(provider, (name, current) -> List.of());
    }

    public void clearAll() {
        PROVIDERS.forEach(this::clear);
    }

    /** Every provider's rules, most recent last. */
    public Map<String, List<SimRule>> snapshot() {
        Map<String, List<SimRule>> copy = new LinkedHashMap<>();
        PROVIDERS.forEach(provider -> copy.put(provider, rules.get(provider)));
        return copy;
    }
}
