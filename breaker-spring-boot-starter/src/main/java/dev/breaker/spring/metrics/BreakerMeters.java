package dev.breaker.spring.metrics;

import dev.breaker.core.Breaker;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import dev.breaker.core.registry.RegistryListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The breakers' meters, tagged {@code provider} and {@code key}:
 * <ul>
 *   <li>{@code breaker.state}, a gauge: 0 closed, 0.5 half-open, 1 open;</li>
 *   <li>{@code breaker.trips} and {@code breaker.rejections}, counters;</li>
 *   <li>{@code breaker.calls}, a counter per {@code outcome}: success, failure, ignored;</li>
 *   <li>{@code breaker.slow.calls}, a counter of finished calls that were slow, for providers with
 *       {@code slow-call-duration}.</li>
 * </ul>
 * Every meter reads the breaker's own totals when it is scraped, so a call costs Micrometer nothing.
 * Micrometer's meters hold what they read weakly; the readings of one breaker are an object nothing
 * else holds, so this binder holds them, as long as their meters exist.
 *
 * <p>Keys come from what clients send, so series are bounded per provider: the first
 * {@link KeySeries#limit()} breakers get series of their own (and lose them when the registry evicts
 * them, which frees the place for a new breaker); every other breaker of the provider is summed into one
 * series under {@link KeySeries#sharedKey()} ({@code _other}, or {@code *} for a provider whose meters
 * carry no key). A shared series' counters include evicted breakers, so that they never go down, and
 * the calls that were ignored on keys without a breaker; its state is the worst of its breakers'.
 * A breaker whose key is the shared key itself is always summed, so two meters never share an id.
 *
 * <p>Meters are added and removed under this object's lock, so that a breaker created or evicted
 * while a meter registry is being bound can neither lose its meters nor leave them behind.
 */
public final class BreakerMeters implements MeterBinder {

    /** The key of the series that sums a provider's breakers without series of their own. */
    public static final String OTHER_KEYS = "_other";

    /**
     * How one provider's keys map to series.
     *
     * @param limit breakers with series of their own (0: every breaker is summed)
     * @param sharedKey the {@code key} tag of the series that sums the others
     */
    public record KeySeries(int limit, String sharedKey) {

        public KeySeries {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative: " + limit);
            }
        }
    }

    private final BreakerRegistry registry;
    private final Map<String, KeySeries> policies;
    private final List<MeterRegistry> meterRegistries = new ArrayList<>();
    private final Map<Breaker, List<Meter>> meters = new IdentityHashMap<>();
    /** Held here: the meters hold them weakly. */
    private final Map<Breaker, MeterReadings> readings = new IdentityHashMap<>();
    private final Map<String, ProviderTotals> shared = new HashMap<>();
    private final Map<String, Integer> ownSeries = new HashMap<>();

    /**
     * @param policies per provider; a provider not listed gets {@code new KeySeries(100, "_other")}
     */
    public BreakerMeters(BreakerRegistry registry, Map<String, KeySeries> policies) {
        this.registry = registry;
        this.policies = Map.copyOf(policies);
        registry.addRegistryListener(new Listener());
        synchronized (this) {
            for (ProviderBreakers provider : registry.providers()) {
                shared.put(provider.provider(), new ProviderTotals(provider));
                ownSeries.put(provider.provider(), 0);
                provider.breakers().forEach(this::created);
            }
        }
    }

    @Override
    public synchronized void bindTo(MeterRegistry meterRegistry) {
        meterRegistries.add(meterRegistry);
        shared.forEach((provider, sums) -> register(meterRegistry, sums, provider, policy(provider).sharedKey(),
                registry.provider(provider).config().judgesSlowCalls()));
        meters.forEach((breaker, registered) -> registerBreaker(meterRegistry, breaker, registered));
    }

    private KeySeries policy(String provider) {
        return policies.getOrDefault(provider, new KeySeries(100, OTHER_KEYS));
    }

    private synchronized void created(Breaker breaker) {
        if (meters.containsKey(breaker)) {
            return; // created while this binder was being built: already seen
        }
        String provider = breaker.id().provider();
        KeySeries policy = policy(provider);
        int own = ownSeries.getOrDefault(provider, 0);
        if (own >= policy.limit() || breaker.id().key().equals(policy.sharedKey())) {
            shared.get(provider).add(breaker);
            return;
        }
        ownSeries.put(provider, own + 1);
        List<Meter> registered = new ArrayList<>();
        readings.put(breaker, MeterReadings.of(breaker));
        meterRegistries.forEach(meterRegistry -> registerBreaker(meterRegistry, breaker, registered));
        meters.put(breaker, registered);
    }

    private synchronized void evicted(Breaker breaker) {
        List<Meter> removed = meters.remove(breaker);
        if (removed == null) {
            shared.get(breaker.id().provider()).retire(breaker);
            return;
        }
        ownSeries.merge(breaker.id().provider(), -1, Integer::sum);
        readings.remove(breaker);
        for (Meter meter : removed) {
            meterRegistries.forEach(meterRegistry -> meterRegistry.remove(meter));
        }
    }

    private void registerBreaker(MeterRegistry meterRegistry, Breaker breaker, List<Meter> into) {
        into.addAll(register(meterRegistry, readings.get(breaker), breaker.id().provider(), breaker.id().key(),
                breaker.config().judgesSlowCalls()));
    }

    /** @param slowCalls whether the provider judges slow calls: only then it has {@code breaker.slow.calls} */
    private static List<Meter> register(MeterRegistry meterRegistry, MeterReadings source, String provider, String key,
                                        boolean slowCalls) {
        Tags tags = Tags.of("provider", provider, "key", key);
        List<Meter> registered = new ArrayList<>(List.of(
                Gauge.builder("breaker.state", source, MeterReadings::state).tags(tags)
                        .description("Breaker state: 0 closed, 0.5 half-open, 1 open").register(meterRegistry),
                FunctionCounter.builder("breaker.trips", source, MeterReadings::trips).tags(tags)
                        .description("Times the breaker opened by a rule").register(meterRegistry),
                FunctionCounter.builder("breaker.rejections", source, MeterReadings::rejections).tags(tags)
                        .description("Calls the breaker rejected").register(meterRegistry),
                calls(meterRegistry, source, MeterReadings::successes, tags, "success"),
                calls(meterRegistry, source, MeterReadings::failures, tags, "failure"),
                calls(meterRegistry, source, MeterReadings::ignored, tags, "ignored")));
        if (slowCalls) {
            registered.add(FunctionCounter.builder("breaker.slow.calls", source, MeterReadings::slowCalls).tags(tags)
                    .description("Finished calls that were slow (slow-call-duration)").register(meterRegistry));
        }
        return registered;
    }

    private static Meter calls(MeterRegistry meterRegistry, MeterReadings source, ToDoubleFunction<MeterReadings> count,
                               Tags tags, String outcome) {
        return FunctionCounter.builder("breaker.calls", source, count).tags(tags).tag("outcome", outcome)
                .description("Finished calls by outcome").register(meterRegistry);
    }

    private final class Listener implements RegistryListener {

        @Override
        public void onCreated(Breaker breaker) {
            created(breaker);
        }

        @Override
        public void onEvicted(Breaker breaker) {
            evicted(breaker);
        }
    }
}
