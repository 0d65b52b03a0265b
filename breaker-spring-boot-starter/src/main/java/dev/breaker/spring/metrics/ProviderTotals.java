package dev.breaker.spring.metrics;

import dev.breaker.core.Breaker;
import dev.breaker.core.registry.ProviderBreakers;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Some of one provider's breakers summed up: those without series of their own. An evicted breaker's
 * totals are kept, so that the sums never go down, and calls ignored on keys that had no breaker count
 * as ignored; reads and evictions share a lock, so that a scrape never sees a breaker counted twice or
 * not at all. Read only when scraped.
 */
final class ProviderTotals implements MeterReadings {

    private final ProviderBreakers provider;

    private final Set<Breaker> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private long retiredTrips;
    private long retiredRejections;
    private long retiredSuccesses;
    private long retiredFailures;
    private long retiredIgnored;
    private long retiredSlowCalls;

    ProviderTotals(ProviderBreakers provider) {
        this.provider = provider;
    }

    synchronized void add(Breaker breaker) {
        live.add(breaker);
    }

    synchronized void retire(Breaker breaker) {
        if (live.remove(breaker)) {
            retiredTrips += breaker.totalTrips();
            retiredRejections += breaker.totalRejections();
            retiredSuccesses += breaker.totalSuccesses();
            retiredFailures += breaker.totalFailures();
            retiredIgnored += breaker.totalIgnored();
            retiredSlowCalls += breaker.totalSlowCalls();
        }
    }

    /** The worst state among the breakers: open if any is open, else half-open if any is, else closed. */
    @Override
    public synchronized double state() {
        double worst = 0;
        for (Breaker breaker : live) {
            worst = Math.max(worst, breaker.state().gaugeValue());
        }
        return worst;
    }

    @Override
    public synchronized double trips() {
        return retiredTrips + sum(Breaker::totalTrips);
    }

    @Override
    public synchronized double rejections() {
        return retiredRejections + sum(Breaker::totalRejections);
    }

    @Override
    public synchronized double successes() {
        return retiredSuccesses + sum(Breaker::totalSuccesses);
    }

    @Override
    public synchronized double failures() {
        return retiredFailures + sum(Breaker::totalFailures);
    }

    @Override
    public synchronized double ignored() {
        return retiredIgnored + sum(Breaker::totalIgnored) + provider.ignoredWithoutBreaker();
    }

    @Override
    public synchronized double slowCalls() {
        return retiredSlowCalls + sum(Breaker::totalSlowCalls);
    }

    private long sum(ToLongFunction<Breaker> total) {
        long sum = 0;
        for (Breaker breaker : live) {
            sum += total.applyAsLong(breaker);
        }
        return sum;
    }
}
