package dev.breaker.spring.metrics;

import dev.breaker.core.Breaker;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import dev.breaker.core.registry.RegistryListener;
import dev.breaker.spring.config.ProviderSettings;
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
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The breakers' meters, tagged {@code provider} and {@code key}:
 * <ul>
 *   <li>{@code breaker.state}, a gauge: 0 closed, 0.5 half-open, 1 open;</li>
 *   <li>{@code breaker.trips} and {@code breaker.rejections}, counters;</li>
 *   <li>{@code breaker.calls}, a counter per {@code outcome}: success, failure, ignored.</li>
 * </ul>
 * Every meter reads the breaker's own totals when it is scraped, so a call costs Micrometer
 * nothing. A breaker's meters come with it and go when the registry evicts it. A provider listed
 * in {@code providersWithoutKeyTag} gets one series, key {@code *}: its counters are sums over its
 * breakers (evicted ones included, so that they never go down) and its state is the worst state.
 *
 * <p>Meters are added and removed under this object's lock, so that a breaker created or evicted
 * while a meter registry is being bound can neither lose its meters nor leave them behind.
 */
public final class BreakerMeters implements MeterBinder {

    private final BreakerRegistry registry;
    private final Set<String> providersWithoutKeyTag;
    private final List<MeterRegistry> meterRegistries = new ArrayList<>();
    private final Map<Breaker, List<Meter>> meters = new IdentityHashMap<>();
    private final Map<String, ProviderTotals> totals = new HashMap<>();

    public BreakerMeters(BreakerRegistry registry, Set<String> providersWithoutKeyTag) {
        this.registry = registry;
        this.providersWithoutKeyTag = Set.copyOf(providersWithoutKeyTag);
        registry.addRegistryListener(new Listener());
        synchronized (this) {
            for (String provider : this.providersWithoutKeyTag) {
                ProviderBreakers breakers = registry.findProvider(provider);
                if (breakers != null) {
                    ProviderTotals sums = new ProviderTotals();
                    breakers.breakers().forEach(sums::add);
                    totals.put(provider, sums);
                }
            }
        }
    }

    @Override
    public synchronized void bindTo(MeterRegistry meterRegistry) {
        meterRegistries.add(meterRegistry);
        totals.forEach((provider, sums) -> register(meterRegistry, sums, provider, ProviderSettings.WHOLE_PROVIDER,
                ProviderTotals::state, ProviderTotals::trips, ProviderTotals::rejections,
                ProviderTotals::successes, ProviderTotals::failures, ProviderTotals::ignored));
        for (ProviderBreakers provider : registry.providers()) {
            if (!totals.containsKey(provider.provider())) {
                provider.breakers().forEach(breaker -> registerBreaker(meterRegistry, breaker));
            }
        }
    }

    private synchronized void created(Breaker breaker) {
        ProviderTotals sums = totals.get(breaker.id().provider());
        if (sums != null) {
            sums.add(breaker);
            return;
        }
        meterRegistries.forEach(meterRegistry -> registerBreaker(meterRegistry, breaker));
    }

    private synchronized void evicted(Breaker breaker) {
        ProviderTotals sums = totals.get(breaker.id().provider());
        if (sums != null) {
            sums.retire(breaker);
            return;
        }
        List<Meter> removed = meters.remove(breaker);
        if (removed != null) {
            for (Meter meter : removed) {
                meterRegistries.forEach(meterRegistry -> meterRegistry.remove(meter));
            }
        }
    }

    private void registerBreaker(MeterRegistry meterRegistry, Breaker breaker) {
        List<Meter> registered = register(meterRegistry, breaker, breaker.id().provider(), breaker.id().key(),
                b -> b.state().gaugeValue(), Breaker::totalTrips, Breaker::totalRejections,
                Breaker::totalSuccesses, Breaker::totalFailures, Breaker::totalIgnored);
        meters.computeIfAbsent(breaker, b -> new ArrayList<>()).addAll(registered);
    }

    private static <T> List<Meter> register(MeterRegistry meterRegistry, T source, String provider, String key,
                                            ToDoubleFunction<T> state, ToDoubleFunction<T> trips,
                                            ToDoubleFunction<T> rejections, ToDoubleFunction<T> successes,
                                            ToDoubleFunction<T> failures, ToDoubleFunction<T> ignored) {
        Tags tags = Tags.of("provider", provider, "key", key);
        return List.of(
                Gauge.builder("breaker.state", source, state).tags(tags)
                        .description("Breaker state: 0 closed, 0.5 half-open, 1 open").register(meterRegistry),
                FunctionCounter.builder("breaker.trips", source, trips).tags(tags)
                        .description("Times the breaker opened by a rule").register(meterRegistry),
                FunctionCounter.builder("breaker.rejections", source, rejections).tags(tags)
                        .description("Calls the breaker rejected").register(meterRegistry),
                calls(meterRegistry, source, successes, tags, "success"),
                calls(meterRegistry, source, failures, tags, "failure"),
                calls(meterRegistry, source, ignored, tags, "ignored"));
    }

    private static <T> Meter calls(MeterRegistry meterRegistry, T source, ToDoubleFunction<T> count, Tags tags,
                                   String outcome) {
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
