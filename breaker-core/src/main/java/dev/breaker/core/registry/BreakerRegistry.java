package dev.breaker.core.registry;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerListener;
import dev.breaker.core.StateStore;
import dev.breaker.core.StateTransition;
import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.event.TransitionLog;
import dev.breaker.core.store.InMemoryStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every provider's breakers. Built once with the providers' configurations; thread-safe.
 *
 * <pre>{@code
 * BreakerRegistry registry = BreakerRegistry.builder()
 *         .provider("anthropic", BreakerConfig.builder().failureThreshold(5).build())
 *         .build();
 * Permit permit = registry.breaker("anthropic", "/v1/messages").acquire();
 * }</pre>
 */
public final class BreakerRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BreakerRegistry.class);

    private final Map<String, ProviderBreakers> providers;
    private final List<BreakerListener> listeners = new CopyOnWriteArrayList<>();
    private final List<RegistryListener> registryListeners = new CopyOnWriteArrayList<>();
    private final StateStore store;
    private final BreakerClock clock;

    private BreakerRegistry(Builder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        BreakerListener fanOut = this::publish;
        RegistryListener registryFanOut = new RegistryListener() {
            @Override
            public void onCreated(Breaker breaker) {
                registryListeners.forEach(listener -> listener.onCreated(breaker));
            }

            @Override
            public void onEvicted(Breaker breaker) {
                registryListeners.forEach(listener -> listener.onEvicted(breaker));
            }
        };
        Map<String, ProviderBreakers> byName = new LinkedHashMap<>();
        builder.configs.forEach((name, config) -> byName.put(name,
                new ProviderBreakers(name, config, clock, fanOut, store, registryFanOut)));
        // Map.copyOf would iterate in a per-JVM random order; keep the configuration's order.
        this.providers = Collections.unmodifiableMap(byName);
        this.listeners.add(new TransitionLog());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The breaker of {@code provider} for {@code key}, created on first use. */
    public Breaker breaker(String provider, String key) {
        return provider(provider).breaker(key);
    }

    /** The named provider; throws {@link UnknownProviderException} if it is not configured. */
    public ProviderBreakers provider(String name) {
        ProviderBreakers provider = providers.get(name);
        if (provider == null) {
            throw new UnknownProviderException(name, providers.keySet());
        }
        return provider;
    }

    /** The named provider, or null if it is not configured. */
    public ProviderBreakers findProvider(String name) {
        return providers.get(name);
    }

    public Set<String> providerNames() {
        return providers.keySet();
    }

    public Collection<ProviderBreakers> providers() {
        return providers.values();
    }

    public StateStore store() {
        return store;
    }

    public BreakerClock clock() {
        return clock;
    }

    /** Hears every state change of every breaker (the log already does). */
    public void addListener(BreakerListener listener) {
        listeners.add(listener);
    }

    public void addRegistryListener(RegistryListener listener) {
        registryListeners.add(listener);
    }

    @Override
    public void close() {
        store.close();
    }

    private void publish(StateTransition transition) {
        for (BreakerListener listener : listeners) {
            try {
                listener.onStateChange(transition);
            } catch (RuntimeException e) {
                log.warn("A breaker listener failed on {}", transition, e);
            }
        }
    }

    public static final class Builder {

        private final Map<String, BreakerConfig> configs = new LinkedHashMap<>();
        private StateStore store = InMemoryStateStore.INSTANCE;
        private BreakerClock clock = BreakerClock.system();

        private Builder() {
        }

        public Builder provider(String name, BreakerConfig config) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("provider name must not be blank");
            }
            configs.put(name, config);
            return this;
        }

        public Builder store(StateStore store) {
            this.store = store;
            return this;
        }

        public Builder clock(BreakerClock clock) {
            this.clock = clock;
            return this;
        }

        public BreakerRegistry build() {
            return new BreakerRegistry(this);
        }
    }
}
