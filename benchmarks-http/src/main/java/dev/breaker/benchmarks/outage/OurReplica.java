package dev.breaker.benchmarks.outage;

import dev.breaker.core.BreakerConfig;
import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerState;
import dev.breaker.core.Permit;
import dev.breaker.core.classify.OutcomeClassifier;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.StateStore;

import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.util.function.Consumer;

/** Our breaker, as one replica of an application holds it: its own registry, on the given store. */
final class OurReplica implements Replica {

    static final BreakerConfig CONFIG = BreakerConfig.builder()
            .failureStatuses(BreakerSettings.FAILURE_STATUSES)
            .failureThreshold(BreakerSettings.FAILURE_THRESHOLD)
            .windowSize(BreakerSettings.WINDOW_SIZE)
            .windowDuration(BreakerSettings.WINDOW_DURATION)
            .openDuration(BreakerSettings.OPEN_DURATION)
            .halfOpenMaxCalls(BreakerSettings.HALF_OPEN_CALLS)
            .build();

    private final Breaker breaker;
    private final OutcomeClassifier classifier;

    OurReplica(StateStore store, Consumer<BreakerState> onStateChange) {
        BreakerRegistry registry = BreakerRegistry.builder().provider("upstream", CONFIG).store(store).build();
        registry.addListener(transition -> onStateChange.accept(transition.to()));
        this.breaker = registry.breaker("upstream", "/v1/messages");
        this.classifier = new OutcomeClassifier(CONFIG, registry.clock());
    }

    @Override
    public Admission tryAdmit() {
        boolean probe = breaker.state() != BreakerState.CLOSED;
        Permit permit = breaker.tryAcquire();
        if (permit == null) {
            return null;
        }
        return new Admission() {
            @Override
            public boolean probe() {
                return probe;
            }

            @Override
            public void responded(int status, HttpHeaders headers) {
                permit.onResult(classifier.ofResponse(status, name -> headers.firstValue(name).orElse(null)));
                permit.release();
            }

            @Override
            public void failed(Throwable error) {
                permit.onResult(error instanceof HttpTimeoutException
                        ? classifier.ofTimeout() : classifier.ofConnectionFailure());
                permit.release();
            }
        };
    }
}
