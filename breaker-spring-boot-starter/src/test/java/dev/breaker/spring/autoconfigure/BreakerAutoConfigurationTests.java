package dev.breaker.spring.autoconfigure;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerState;
import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.BreakerListener;
import dev.breaker.core.StateTransition;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.RegistryListener;
import dev.breaker.core.BreakerId;
import dev.breaker.core.store.InMemoryStateStore;
import dev.breaker.core.LocalBreaker;
import dev.breaker.core.SharedState;
import dev.breaker.core.StoreStatus;
import dev.breaker.core.StateStore;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.ProviderSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class))
            .withPropertyValues("breaker.providers.anthropic.failure-threshold=2",
                    "breaker.providers.openai.failure-threshold=3");

    @Test
    void autoConfiguresTheProvidersFromProperties() {
        runner.run(context -> assertThat(context.getBean(BreakerProviders.class).names())
                .containsExactly("anthropic", "openai"));
    }

    @Test
    void allowsCustomProviders() {
        runner.withBean(BreakerProviders.class, () -> new BreakerProviders(Map.of())).run(context ->
                assertThat(context.getBean(BreakerProviders.class).names()).isEmpty());
    }

    @Test
    void autoConfiguresTheSystemClock() {
        runner.run(context -> assertThat(context.getBean(BreakerClock.class)).isSameAs(BreakerClock.system()));
    }

    @Test
    void allowsCustomClock() {
        ManualClock clock = new ManualClock();
        runner.withBean(BreakerClock.class, () -> clock).run(context -> {
            assertThat(context.getBean(BreakerClock.class)).isSameAs(clock);
            assertThat(context.getBean(BreakerRegistry.class).clock()).isSameAs(clock);
        });
    }

    @Test
    void autoConfiguresTheInMemoryStore() {
        runner.run(context -> assertThat(context.getBean(StateStore.class)).isSameAs(InMemoryStateStore.INSTANCE));
    }

    @Test
    void allowsCustomStore() {
        StateStore store = new StateStore() {
            @Override
            public SharedState attach(BreakerId id, BreakerConfig config, LocalBreaker local) {
                return InMemoryStateStore.INSTANCE.attach(id, config, local);
            }

            @Override
            public StoreStatus status() {
                return InMemoryStateStore.INSTANCE.status();
            }
        };
        runner.withBean(StateStore.class, () -> store).run(context -> {
            assertThat(context.getBean(StateStore.class)).isSameAs(store);
            assertThat(context.getBean(BreakerRegistry.class).store()).isSameAs(store);
        });
    }

    @Test
    void autoConfiguresARegistryWithEveryProvidersConfiguration() {
        runner.run(context -> {
            BreakerRegistry registry = context.getBean(BreakerRegistry.class);
            assertThat(registry.providerNames()).containsExactlyInAnyOrder("anthropic", "openai");
            assertThat(registry.provider("openai").config().failureThreshold()).isEqualTo(3);
        });
    }

    @Test
    void allowsCustomRegistry() {
        BreakerRegistry registry = BreakerRegistry.builder().provider("custom", BreakerConfig.defaults()).build();
        runner.withBean(BreakerRegistry.class, () -> registry).run(context ->
                assertThat(context.getBean(BreakerRegistry.class).providerNames()).containsExactly("custom"));
    }

    @Test
    void tellsListenerBeansAboutStateChangesAndNewBreakers() {
        runner.withUserConfiguration(Listeners.class).run(context -> {
            Breaker breaker = context.getBean(BreakerRegistry.class).breaker("anthropic", "/v1/messages");
            breaker.acquire().onFailure(529);
            breaker.acquire().onFailure(529);
            Listeners listeners = context.getBean(Listeners.class);
            assertThat(listeners.created).containsExactly(breaker);
            assertThat(listeners.transitions).extracting(StateTransition::to).containsExactly(BreakerState.OPEN);
        });
    }

    @Test
    void keepsItsProvidersButSwitchesEveryOneOffWhenDisabled() {
        runner.withPropertyValues("breaker.enabled=false", "breaker.providers.anthropic.path-prefix=/anthropic")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BreakerProviders providers = context.getBean(BreakerProviders.class);
                    assertThat(providers.names()).contains("anthropic");
                    assertThat(providers.all()).noneMatch(ProviderSettings::enabled);
                    assertThat(providers.get("anthropic").enabled()).isFalse();
                    assertThat(providers.forPath("/anthropic/v1/messages")).isNull();
                });
    }

    @Test
    void doesNotValidateProvidersWhenDisabled() {
        runner.withPropertyValues("breaker.enabled=false", "breaker.providers.anthropic.failure-rate-threshold=2")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {

        final List<StateTransition> transitions = new CopyOnWriteArrayList<>();
        final List<Breaker> created = new CopyOnWriteArrayList<>();

        @Bean
        BreakerListener transitionListener() {
            return transitions::add;
        }

        @Bean
        RegistryListener registryListener() {
            return new RegistryListener() {
                @Override
                public void onCreated(Breaker breaker) {
                    created.add(breaker);
                }
            };
        }
    }
}
