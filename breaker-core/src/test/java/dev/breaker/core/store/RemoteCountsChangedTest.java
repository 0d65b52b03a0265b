package dev.breaker.core.store;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerId;
import dev.breaker.core.BreakerState;
import dev.breaker.core.CallResult;
import dev.breaker.core.LocalBreaker;
import dev.breaker.core.SharedState;
import dev.breaker.core.StateStore;
import dev.breaker.core.StateTransition;
import dev.breaker.core.StoreStatus;
import dev.breaker.core.TransitionReason;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.window.WindowCounts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteCountsChangedTest {

    private final ManualClock clock = new ManualClock();
    private final List<StateTransition> transitions = new ArrayList<>();
    private final FakeStore store = new FakeStore();

    private Breaker breaker(BreakerConfig config) {
        return new Breaker(new BreakerId("anthropic", "/v1/messages"), config, clock, transitions::add, store);
    }

    @Test
    void tripsWhenRemoteFailuresAloneReachTheCountRule() {
        Breaker breaker = breaker(BreakerConfig.builder().failureThreshold(3).build());
        breaker.acquire().onSuccess();

        store.remote = new WindowCounts(3, 3);
        store.local.remoteCountsChanged();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(transitions).extracting(StateTransition::reason).containsExactly(TransitionReason.FAILURE_COUNT);
        assertThat(store.published).hasSize(1);
    }

    @Test
    void judgesTheRateOverLocalAndRemoteCallsTogether() {
        Breaker breaker = breaker(BreakerConfig.builder().failureRateThreshold(0.5).minimumCalls(10).build());
        for (int i = 0; i < 6; i++) {
            breaker.acquire().onSuccess();
        }

        store.remote = new WindowCounts(6, 5);
        store.local.remoteCountsChanged();
        assertThat(breaker.state()).as("5 failures of 12 calls").isEqualTo(BreakerState.CLOSED);

        store.remote = new WindowCounts(7, 6);
        store.local.remoteCountsChanged();
        assertThat(breaker.state()).as("6 failures of 13 calls").isEqualTo(BreakerState.CLOSED);

        store.remote = new WindowCounts(8, 7);
        store.local.remoteCountsChanged();
        assertThat(breaker.state()).as("7 failures of 14 calls").isEqualTo(BreakerState.OPEN);
    }

    @Test
    void judgesTheSlowShareOverLocalAndRemoteCallsTogether() {
        Breaker breaker = breaker(BreakerConfig.builder().slowCallDuration(Duration.ofSeconds(2)).minimumCalls(10)
                .build());
        for (int i = 0; i < 4; i++) {
            breaker.acquire().onResult(CallResult.SUCCESS, Duration.ofSeconds(1).toNanos());
        }

        store.remote = new WindowCounts(6, 0, 4);
        store.local.remoteCountsChanged();
        assertThat(breaker.state()).as("4 slow of 10 calls").isEqualTo(BreakerState.CLOSED);

        store.remote = new WindowCounts(7, 0, 5);
        store.local.remoteCountsChanged();
        assertThat(breaker.state()).as("5 slow of 11 calls").isEqualTo(BreakerState.CLOSED);

        breaker.acquire().onResult(CallResult.SUCCESS, Duration.ofSeconds(2).toNanos());
        assertThat(breaker.state()).as("6 slow of 12 calls").isEqualTo(BreakerState.OPEN);
        assertThat(transitions).extracting(StateTransition::reason).containsExactly(TransitionReason.SLOW_CALL_RATE);
    }

    /** Replicas configured otherwise may share slow calls: a breaker that judges none has no slow rule. */
    @Test
    void ignoresRemoteSlowCallsWithoutASlowCallDuration() {
        Breaker breaker = breaker(BreakerConfig.builder().minimumCalls(10).build());
        breaker.acquire().onSuccess();

        store.remote = new WindowCounts(20, 0, 20);
        store.local.remoteCountsChanged();

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void tellsTheStoreOfASlowSuccessOnceTheLocalWindowHoldsIt() {
        Breaker breaker = breaker(BreakerConfig.builder().slowCallDuration(Duration.ofSeconds(2)).build());
        breaker.acquire().onResult(CallResult.SUCCESS, Duration.ofSeconds(1).toNanos());
        breaker.acquire().onResult(CallResult.SUCCESS, Duration.ofSeconds(3).toNanos());
        assertThat(store.countsWhenRecorded).containsExactly(new WindowCounts(2, 0, 1));
    }

    @Test
    void tellsTheStoreOfAFailureOnlyOnceTheLocalWindowHoldsIt() {
        Breaker breaker = breaker(BreakerConfig.builder().failureThreshold(5).build());
        breaker.acquire().onSuccess();
        breaker.acquire().onFailure(529);
        assertThat(store.countsWhenRecorded).containsExactly(new WindowCounts(2, 1));
    }

    @Test
    void changesNothingUnlessClosed() {
        Breaker breaker = breaker(BreakerConfig.builder().failureThreshold(3).build());
        breaker.forceClosed();
        store.remote = new WindowCounts(5, 5);
        store.local.remoteCountsChanged();
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.isForced()).isTrue();
    }

    private static final class FakeStore implements StateStore, SharedState {

        volatile WindowCounts remote = WindowCounts.EMPTY;
        LocalBreaker local;
        final List<StateTransition> published = new ArrayList<>();
        final List<WindowCounts> countsWhenRecorded = new ArrayList<>();

        @Override
        public SharedState attach(BreakerId id, BreakerConfig config, LocalBreaker local) {
            this.local = local;
            return this;
        }

        @Override
        public StoreStatus status() {
            return StoreStatus.MEMORY;
        }

        @Override
        public void published(StateTransition transition, long retryAtWallMillis) {
            published.add(transition);
        }

        @Override
        public WindowCounts remoteCounts() {
            return remote;
        }

        @Override
        public void recorded(boolean failure) {
            countsWhenRecorded.add(local.localCounts());
        }

        @Override
        public boolean tryAcquireProbe() {
            return true;
        }

        @Override
        public void releaseProbe() {
        }

        @Override
        public void detach() {
        }
    }
}
