package dev.breaker.core;

import dev.breaker.core.window.WindowCounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The breaker's contract written as plainly as possible, for {@link BreakerReferenceModelTest}:
 * single-threaded, it keeps every call of the current closed period and recomputes the window from
 * that list each time. No open jitter, no quota errors, no shared store.
 *
 * <p>A finished call (success or failure) is slow when {@code slow-call-duration} is set and its
 * latency is at least that; an ignored call never is, nor a call of unknown (negative) latency.
 *
 * <p>The one granularity it shares with the engine is documented: time is cut into slices of a
 * tenth of {@code window-duration}; a call made in slice {@code s} is in the window at slice
 * {@code c} while {@code c - s < 10}.
 */
final class ReferenceBreaker {

    /** What the model hands out for an admitted call. */
    static final class Ticket {
        final int generation;
        final boolean probe;
        final long acquiredAt;
        boolean reported;

        Ticket(int generation, boolean probe, long acquiredAt) {
            this.generation = generation;
            this.probe = probe;
            this.acquiredAt = acquiredAt;
        }
    }

    record Transition(BreakerState to, TransitionReason reason) {
    }

    private record Call(long slice, boolean failed, boolean slow) {
    }

    private final BreakerConfig config;
    private final long sliceNanos;

    BreakerState state = BreakerState.CLOSED;
    /** Changes with every transition; a ticket of another generation changes no state. */
    private int generation;
    private final List<Call> calls = new ArrayList<>();
    long retryAt;
    private int consecutiveTrips;
    TransitionReason reason;
    WindowCounts countsAtTrip;
    private Ticket[] slots;
    private int probeSuccesses;

    long successes;
    long failures;
    long slowCalls;
    long ignored;
    long rejections;
    long trips;
    Integer lastFailureStatus;
    final List<Transition> transitions = new ArrayList<>();

    /** What the sequence exercised, so that a test can tell it covered each rule. */
    final Map<String, Integer> seen = new TreeMap<>();

    ReferenceBreaker(BreakerConfig config) {
        this.config = config;
        this.sliceNanos = config.windowDuration().toNanos() / 10;
    }

    /** Time moves the state: an open period that is over ends when anyone looks, a call or not. */
    void observe(long now) {
        if (state == BreakerState.OPEN && now >= retryAt) {
            moveTo(BreakerState.HALF_OPEN, TransitionReason.OPEN_PERIOD_ELAPSED);
            slots = new Ticket[config.halfOpenMaxCalls()];
            probeSuccesses = 0;
        }
    }

    /** A ticket, or null when the call is rejected. */
    Ticket tryAcquire(long now) {
        if (state == BreakerState.CLOSED) {
            return new Ticket(generation, false, now);
        }
        observe(now);
        if (state == BreakerState.OPEN) {
            rejections++;
            return null;
        }
        Ticket probe = new Ticket(generation, true, now);
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                slots[i] = probe;
                return probe;
            }
        }
        for (int i = 0; i < slots.length; i++) {
            if (now - slots[i].acquiredAt >= config.probeTimeout().toNanos()) {
                slots[i] = probe; // the old probe never reported back: its slot is reclaimed
                see("probe slot reclaimed");
                return probe;
            }
        }
        rejections++;
        return null;
    }

    void report(Ticket ticket, Outcome outcome, int status, Duration retryAfter, long latencyNanos, long now) {
        ticket.reported = true;
        boolean slow = outcome != Outcome.IGNORED && config.slowCallDuration() != null && latencyNanos >= 0
                && latencyNanos >= config.slowCallDuration().toNanos();
        if (slow) {
            slowCalls++;
            see("slow call");
        }
        switch (outcome) {
            case SUCCESS -> successes++;
            case FAILURE -> {
                failures++;
                lastFailureStatus = status;
            }
            case IGNORED -> ignored++;
        }
        if (ticket.generation != generation) {
            see("outcome of an older generation");
            return;
        }
        if (outcome == Outcome.IGNORED && !ticket.probe) {
            return;
        }
        if (ticket.probe) {
            reportProbe(ticket, outcome, slow, retryAfter, now);
            return;
        }
        calls.add(new Call(Math.floorDiv(now, sliceNanos), outcome == Outcome.FAILURE, slow));
        WindowCounts counts = window(now);
        TransitionReason verdict = verdict(counts);
        if (verdict != null) {
            trip(1, verdict, outcome == Outcome.FAILURE ? retryAfter : null, counts, now);
        }
    }

    /** A permit given back without an outcome: a probe's call then counts as ignored. */
    void release(Ticket ticket, long now) {
        if (ticket.probe && !ticket.reported) {
            report(ticket, Outcome.IGNORED, 0, null, -1, now);
        }
    }

    void reset() {
        if (state != BreakerState.CLOSED) {
            transitions.add(new Transition(BreakerState.CLOSED, TransitionReason.RESET));
        }
        close();
    }

    /** The last {@code window-size} calls among those still within {@code window-duration}. */
    WindowCounts window(long now) {
        long current = Math.floorDiv(now, sliceNanos);
        List<Call> recent = calls.stream().filter(call -> current - call.slice() < 10).toList();
        List<Call> last = recent.subList(Math.max(0, recent.size() - config.windowSize()), recent.size());
        return new WindowCounts(last.size(), (int) last.stream().filter(Call::failed).count(),
                (int) last.stream().filter(Call::slow).count());
    }

    int probesInFlight() {
        if (state != BreakerState.HALF_OPEN) {
            return 0;
        }
        int inFlight = 0;
        for (Ticket slot : slots) {
            inFlight += slot == null ? 0 : 1;
        }
        return inFlight;
    }

    /** A slow probe is a failed probe, a slow success included. */
    private void reportProbe(Ticket ticket, Outcome outcome, boolean slow, Duration retryAfter, long now) {
        boolean ownsSlot = false;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == ticket) {
                slots[i] = null;
                ownsSlot = true;
            }
        }
        if (!ownsSlot) {
            return;
        }
        if (outcome == Outcome.SUCCESS && slow) {
            see("slow probe");
            trip(consecutiveTrips + 1, TransitionReason.PROBE_FAILED, null, countsAtTrip, now);
        } else if (outcome == Outcome.SUCCESS && ++probeSuccesses >= config.halfOpenSuccessesToClose()) {
            transitions.add(new Transition(BreakerState.CLOSED, TransitionReason.PROBES_SUCCEEDED));
            see("CLOSED (probes-succeeded)");
            close();
        } else if (outcome == Outcome.FAILURE) {
            trip(consecutiveTrips + 1, TransitionReason.PROBE_FAILED, retryAfter, countsAtTrip, now);
        }
    }

    private TransitionReason verdict(WindowCounts counts) {
        if (config.hasFailureThreshold() && counts.failures() >= config.failureThreshold()) {
            return TransitionReason.FAILURE_COUNT;
        }
        BigDecimal rateTimesCalls = BigDecimal.valueOf(config.failureRateThreshold())
                .multiply(BigDecimal.valueOf(counts.calls()));
        boolean rateHolds = counts.failures() > 0 && counts.calls() >= config.minimumCalls()
                && BigDecimal.valueOf(counts.failures()).compareTo(rateTimesCalls) >= 0;
        if (rateHolds) {
            return TransitionReason.FAILURE_RATE;
        }
        BigDecimal slowRateTimesCalls = BigDecimal.valueOf(config.slowCallRateThreshold())
                .multiply(BigDecimal.valueOf(counts.calls()));
        boolean slowHolds = counts.slowCalls() > 0 && counts.calls() >= config.minimumCalls()
                && BigDecimal.valueOf(counts.slowCalls()).compareTo(slowRateTimesCalls) >= 0;
        return slowHolds ? TransitionReason.SLOW_CALL_RATE : null;
    }

    private void trip(int consecutive, TransitionReason why, Duration retryAfter, WindowCounts counts, long now) {
        long max = config.maxOpenDuration().toNanos();
        BigDecimal backedOff = BigDecimal.valueOf(config.openDuration().toNanos())
                .multiply(BigDecimal.valueOf(config.backoffMultiplier()).pow(consecutive - 1));
        long period = backedOff.compareTo(BigDecimal.valueOf(max)) >= 0
                ? max : backedOff.setScale(0, RoundingMode.FLOOR).longValueExact();
        if (consecutive > 1 && config.backoffMultiplier() > 1) {
            see(period == max ? "open period backed off to the cap" : "open period backed off");
        }
        if (config.honorRetryAfter() && retryAfter != null && retryAfter.toNanos() > period) {
            period = Math.min(retryAfter.toNanos(), max);
            see("open period from retry-after");
        }
        moveTo(BreakerState.OPEN, why);
        trips++;
        retryAt = now + period;
        consecutiveTrips = consecutive;
        reason = why;
        countsAtTrip = counts;
        calls.clear();
    }

    private void close() {
        generation++;
        state = BreakerState.CLOSED;
        consecutiveTrips = 0;
        reason = null;
        countsAtTrip = null;
        calls.clear();
    }

    private void moveTo(BreakerState to, TransitionReason why) {
        generation++;
        state = to;
        transitions.add(new Transition(to, why));
        see(to + " (" + why.code() + ")");
    }

    int generation() {
        return generation;
    }

    private void see(String what) {
        seen.merge(what, 1, Integer::sum);
    }
}
