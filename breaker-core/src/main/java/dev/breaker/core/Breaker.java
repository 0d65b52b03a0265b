package dev.breaker.core;

import dev.breaker.core.clock.BreakerClock;
import dev.breaker.core.window.OutcomeWindow;
import dev.breaker.core.window.PackedCounts;
import dev.breaker.core.window.WindowCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * One circuit breaker: CLOSED, OPEN or HALF_OPEN, for one provider and key. Thread-safe.
 *
 * <pre>{@code
 * Permit permit = breaker.tryAcquire();
 * if (permit == null) { ... rejected: breaker.retryAfter() says how long to wait ... }
 * try { call(); permit.onSuccess(); } catch (...) { permit.onResult(...); } finally { permit.release(); }
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Every transition happens in one place, {@code moveTo}, one at a time: exactly one thread moves
 *       the breaker out of a given state, and exactly one {@link StateTransition} is emitted for it.
 *       Transitions take one lock, which calls, reports and reads never take.</li>
 *   <li>Never more than {@code half-open-max-calls} probes hold a slot at the same time.</li>
 *   <li>An outcome reported for a permit of an older state generation changes no state.</li>
 *   <li>The closed success path reads no clock but the coarse one, takes no lock and allocates nothing.
 *       Reported with its latency, it costs one comparison more; a slow success (only where
 *       {@code slow-call-duration} is set) takes the failures' path instead.</li>
 *   <li>Time moves the state, not only traffic: every read ({@link #state()}, {@link #snapshot()},
 *       {@link #retryAfter()}, meters, health, the registry's eviction scan) first ends an open period
 *       that is over, so a breaker nobody calls reports HALF_OPEN once {@code retry-at} has passed.</li>
 * </ul>
 */
public final class Breaker {

    private static final Logger log = LoggerFactory.getLogger(Breaker.class);
    private static final VarHandle TRIPS;
    private static final VarHandle SUCCESSES_OUTSIDE_WINDOW;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TRIPS = lookup.findVarHandle(Breaker.class, "trips", long.class);
            SUCCESSES_OUTSIDE_WINDOW = lookup.findVarHandle(Breaker.class, "successesOutsideWindow", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final BreakerId id;
    private final BreakerConfig config;
    private final BreakerClock clock;
    private final BreakerListener listener;
    private final OutcomeWindow window;
    private final TripRule tripRule;
    private final OpenPeriod openPeriod;
    private final SharedState shared;

    /** Written only in {@link #moveTo}, under {@link #moveLock}; read without a lock. */
    private volatile State state;
    private final Object moveLock = new Object();
    private final ClosedState firstClosed;

    private final LongAdder failures = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    /** Null unless slow calls are judged: an idle breaker stays small. */
    private final LongAdder slowCalls;
    /** A success or failure whose latency is at least this is slow; never, unless slow calls are judged. */
    private final long slowCallNanos;
    private final LongAdder rejections = new LongAdder();
    /*
     * Two counts that change rarely, so that an atomic add on a plain field does where a LongAdder
     * took 28 bytes more each (an idle breaker stays within 1 KB, slow calls judged or not: see
     * IdleBreakerFootprint in the benchmarks). Trips are rare. Successes outside the window are a
     * probe's (a few per open period) or those of calls admitted by an older closed generation that
     * finish after a transition: the calls in flight then, once per transition.
     */
    private volatile long trips;
    /** Successes that belong in no window: probes, and calls admitted by an older closed generation. */
    private volatile long successesOutsideWindow;
    /** Written only when it changes: it shares a cache line with {@link #state}, which every call reads. */
    private volatile int lastFailureStatus;
    private volatile long lastAccess;

    /**
     * @param listener hears every state change (the registry passes the log and its listeners)
     * @param store where the breaker shares its state; the in-memory store shares nothing
     *              ({@code Breakers.standalone} in the registry package makes a breaker with its defaults)
     */
    public Breaker(BreakerId id, BreakerConfig config, BreakerClock clock, BreakerListener listener, StateStore store) {
        this.id = id;
        this.config = config;
        this.slowCalls = config.judgesSlowCalls() ? new LongAdder() : null;
        this.slowCallNanos = config.judgesSlowCalls() ? saturatedNanos(config.slowCallDuration()) : Long.MAX_VALUE;
        this.clock = clock;
        this.listener = listener;
        long now = clock.nanoTime();
        clock.requireStep(config.windowDuration().dividedBy(10)); // the window judges ages per tenth of it
        this.window = new OutcomeWindow(config.windowSize(), config.windowDuration().toNanos(), now,
                config.judgesSlowCalls());
        this.tripRule = new TripRule(config);
        this.openPeriod = new OpenPeriod(config, () -> ThreadLocalRandom.current().nextDouble());
        this.firstClosed = new ClosedState(this);
        this.state = firstClosed;
        this.lastAccess = now;
        this.shared = store.attach(id, config, new Local());
    }

    /**
     * The permit of the breaker's first CLOSED generation, for a call admitted before the breaker
     * existed (a key without a breaker is closed, see {@code ProviderBreakers#tryAcquire}). Its
     * outcome counts like any closed call while that generation lasts, and only in the totals after.
     */
    public Permit firstClosedPermit() {
        return firstClosed;
    }

    /** A permit for one call, or null when the breaker rejects it (see {@link #retryAfter()}). */
    public Permit tryAcquire() {
        State current = state;
        if (current instanceof ClosedState closed) {
            return closed;
        }
        Permit permit = current.tryAcquire(clock.nanoTime());
        if (permit == null) {
            rejections.increment();
        }
        return permit;
    }

    /** A permit for one call; throws {@link BreakerOpenException} when the breaker rejects it. */
    public Permit acquire() {
        Permit permit = tryAcquire();
        if (permit == null) {
            throw new BreakerOpenException(id.provider(), id.key(), retryAfter());
        }
        return permit;
    }

    /**
     * How long a rejected caller should wait: the rest of the open period; one second while
     * half-open probes are all taken; {@code open-duration} while forced open; zero while closed.
     */
    public Duration retryAfter() {
        State current = current();
        if (current instanceof OpenState open) {
            return Duration.ofNanos(Math.max(0, open.retryAt - clock.nanoTime()));
        }
        if (current instanceof HalfOpenState) {
            return Duration.ofSeconds(1);
        }
        if (current instanceof ForcedState && current.publicState() == BreakerState.OPEN) {
            return config.openDuration();
        }
        return Duration.ZERO;
    }

    public BreakerState state() {
        return current().publicState();
    }

    /** Whether the current state was forced by an operator. */
    public boolean isForced() {
        return current().isForced();
    }

    public BreakerId id() {
        return id;
    }

    public BreakerConfig config() {
        return config;
    }

    /** Forces OPEN until {@link #reset()}. */
    public void forceOpen() {
        force(new ForcedState(this, BreakerState.OPEN));
    }

    /** Forces CLOSED until {@link #reset()}: every call passes and no rule trips. */
    public void forceClosed() {
        force(new ForcedState(this, BreakerState.CLOSED));
    }

    /** Back to CLOSED with an empty window and no backoff, whatever the state (forced ones too). */
    public void reset() {
        force(new ClosedState(this));
    }

    /** The breaker as the endpoint shows it. */
    public BreakerSnapshot snapshot() {
        State current = current();
        long now = clock.nanoTime();
        Trip trip = current.trip();
        WindowCounts counts = trip != null ? trip.counts() : window.counts(now);
        Duration retryAfter = current.publicState() == BreakerState.OPEN ? retryAfter() : null;
        TransitionReason reason = current.reason();
        int status = lastFailureStatus;
        return new BreakerSnapshot(id, current.publicState(), current.isForced(), counts.calls(), counts.failures(),
                counts.failureRate(), rejections.sum(), trips, retryAfter, reason,
                status > 0 ? status : null, totalSuccesses(), totalFailures(), totalIgnored(), counts.slowCalls(),
                counts.slowCallRate(), totalSlowCalls());
    }

    public long totalSuccesses() {
        return window.totalSuccesses() + successesOutsideWindow;
    }

    public long totalFailures() {
        return failures.sum();
    }

    /** Finished calls that were slow (only with {@code slow-call-duration}). */
    public long totalSlowCalls() {
        return slowCalls == null ? 0 : slowCalls.sum();
    }

    public long totalIgnored() {
        return ignored.sum();
    }

    public long totalRejections() {
        return rejections.sum();
    }

    public long totalTrips() {
        return trips;
    }

    /** Half-open probes holding a slot right now (0 unless HALF_OPEN). */
    public int probesInFlight() {
        return current() instanceof HalfOpenState halfOpen ? halfOpen.probesInFlight() : 0;
    }

    /** When the registry last handed out this breaker, on the breaker clock (for LRU eviction). */
    public long lastAccess() {
        return lastAccess;
    }

    /** Marks the breaker as used now; writes only when the coarse clock has moved, to spare the cache line. */
    public void touch() {
        long now = clock.nanoTime();
        if (lastAccess != now) {
            lastAccess = now;
        }
    }

    /** Called by the registry when it drops this breaker. */
    public void detach() {
        shared.detach();
    }

    /** The state, after ending an open period that is over: time moves it, not only calls. */
    private State current() {
        State current = state;
        if (current instanceof OpenState open && clock.nanoTime() - open.retryAt >= 0) {
            startProbing(open);
            return state;
        }
        return current;
    }

    // ---- called by the states and permits -------------------------------------------------

    State currentState() {
        return state;
    }

    SharedState shared() {
        return shared;
    }

    /**
     * A closed call's success and its latency (negative: unknown, never slow). Where slow calls are
     * not judged {@link #slowCallNanos} is {@code Long.MAX_VALUE}, so that this costs one comparison.
     */
    void recordClosedSuccess(ClosedState from, long latencyNanos) {
        if (latencyNanos >= slowCallNanos && slowCalls != null) {
            recordClosedSlowSuccess(from);
        } else {
            recordClosedSuccess(from);
        }
    }

    void recordClosedSuccess(ClosedState from) {
        if (state != from) {
            // A permit of an older generation: its success counts in the totals, not in this window.
            // Accepted race: a success that passes this check just as a transition runs may land in the
            // new window (see moveTo).
            SUCCESSES_OUTSIDE_WINDOW.getAndAdd(this, 1L);
            return;
        }
        long counts = window.recordSuccess(clock.nanoTime());
        if (counts != PackedCounts.NONE && state == from) {
            judge(from, counts, null);
        }
    }

    /** A slow success is a marked call, like a failure: the window records its position, and it is judged. */
    private void recordClosedSlowSuccess(ClosedState from) {
        countSlow();
        if (state != from) {
            SUCCESSES_OUTSIDE_WINDOW.getAndAdd(this, 1L); // an older generation's call, as in recordClosedSuccess
            return;
        }
        long local = window.recordSlowSuccess(clock.nanoTime());
        shared.recorded(true);
        judge(from, local, null);
    }

    void recordClosedFailure(ClosedState from, CallResult result, long latencyNanos) {
        boolean slow = isSlow(latencyNanos);
        countFailure(result);
        if (slow) {
            countSlow();
        }
        if (state != from) {
            return;
        }
        if (result.quotaExhausted() && config.quotaErrors()) {
            trip(from, Trip.first(TransitionReason.QUOTA, window.counts(clock.nanoTime())), result);
            return;
        }
        long local = window.recordFailure(clock.nanoTime(), slow);
        // After the window has it: a store may read localCounts() at once, from another thread.
        shared.recorded(true);
        judge(from, local, result);
    }

    /** Whether a success or failure with this latency is slow (negative: unknown, never slow). */
    boolean isSlow(long latencyNanos) {
        return latencyNanos >= slowCallNanos && slowCalls != null;
    }

    /** A finished call was slow: in the totals, whatever the state. */
    void countSlow() {
        slowCalls.increment();
    }

    /**
     * Judges the rules over the local window ({@linkplain PackedCounts packed}) plus the other
     * replicas' counts. Ints until a rule holds: a call that trips nothing allocates nothing.
     */
    private void judge(ClosedState from, long local, CallResult failure) {
        WindowCounts remote = shared.remoteCounts();
        int calls = PackedCounts.calls(local) + remote.calls();
        int failures = PackedCounts.failures(local) + remote.failures();
        int slowCalls = PackedCounts.slowCalls(local) + remote.slowCalls();
        TransitionReason verdict = tripRule.verdict(calls, failures, slowCalls);
        if (verdict != null) {
            trip(from, Trip.first(verdict, new WindowCounts(calls, failures, slowCalls)), failure);
        }
    }

    void recordIgnored() {
        ignored.increment();
    }

    void countSuccess() {
        window.recordSuccess(clock.nanoTime());
    }

    /** A probe's success counts in the totals only: the probes decide alone, and close with an empty window. */
    void countProbeSuccess() {
        SUCCESSES_OUTSIDE_WINDOW.getAndAdd(this, 1L);
    }

    void countFailure(CallResult result) {
        failures.increment();
        int status = result.status();
        // Read before written: most failures repeat the last status, and a write would invalidate
        // the line that every call reads the state from. Accepted race: two concurrent failures
        // with different statuses may leave either one; concurrent calls have no order anyway.
        if (status > 0 && lastFailureStatus != status) {
            lastFailureStatus = status;
        }
    }

    /** A probe failed, or succeeded slowly (then {@code result} is a success and carries no hint). */
    void tripFromProbe(HalfOpenState from, CallResult result) {
        TransitionReason reason = result.quotaExhausted() && config.quotaErrors()
                ? TransitionReason.QUOTA : TransitionReason.PROBE_FAILED;
        trip(from, from.trip.again(reason), result);
    }

    void startProbing(OpenState from) {
        moveTo(from, new HalfOpenState(this, from.trip), TransitionReason.OPEN_PERIOD_ELAPSED, 0, null, true);
    }

    /** Does nothing for a probe of an older generation: {@code from} is no longer current. */
    void closeAfterProbes(HalfOpenState from) {
        moveTo(from, new ClosedState(this), TransitionReason.PROBES_SUCCEEDED, 0, null, true);
    }

    void probeReclaimed() {
        log.debug("Reclaimed a half-open probe slot of {} that did not report back within {}", id, config.probeTimeout());
    }

    private void trip(State from, Trip trip, CallResult failure) {
        long now = clock.nanoTime();
        Duration hint = failure == null ? null : failure.retryAfter();
        boolean quota = trip.reason() == TransitionReason.QUOTA;
        long openNanos = openPeriod.nanos(trip.consecutive(), hint, quota);
        OpenState open = new OpenState(this, now + openNanos, trip);
        int status = failure == null ? 0 : failure.status();
        if (moveTo(from, open, trip.reason(), status, Duration.ofNanos(openNanos), true)) {
            TRIPS.getAndAdd(this, 1L);
        }
    }

    /** An operator's change: from whatever state the breaker is in. */
    private void force(State target) {
        TransitionReason why = target.isForced() ? TransitionReason.FORCED : TransitionReason.RESET;
        State current;
        do {
            current = state; // another transition may win meanwhile: then force from the state it made
        } while (!moveTo(current, target, why, 0, null, true));
    }

    /**
     * The one place where the breaker changes state: from {@code from}, if it is still current, to
     * {@code to}, a new generation. Tells the store (with {@code publish}; not for changes that came
     * from it) and the listener when the change is visible (state or forced flag); an operator's
     * reset of a closed breaker is a new generation that nobody hears of.
     *
     * @param status the status of the failure that tripped the breaker, else 0
     * @param openFor how long {@code to} stays open, when it is OPEN and not forced, else null
     * @return false when {@code from} was no longer current: another transition won
     */
    private boolean moveTo(State from, State to, TransitionReason why, int status, Duration openFor, boolean publish) {
        if (state != from) {
            return false;
        }
        synchronized (moveLock) {
            if (state != from) {
                return false;
            }
            // Every generation starts with an empty window, emptied before the state is published and
            // under the lock that every transition takes. So once a state is published nothing empties
            // the window until the next transition, and an outcome reported through the new state's
            // permit is never lost. (Emptied after the publish, as reset() and forceClosed() once did,
            // the window lost the outcomes of the calls that the new state had let in meanwhile.)
            // Accepted race: a permit of the old generation that passed its "still current?" check
            // just before the publish may record its outcome after the emptying, in the new window.
            // Such a call was running during the transition; it can shift a rate by one call per thread.
            window.reset(clock.nanoTime());
            state = to;
        }
        if (from.publicState() != to.publicState() || from.isForced() != to.isForced()) {
            emit(from, to, why, status, openFor, publish);
        }
        return true;
    }

    /**
     * Outside the lock: the store and listeners may take their time, and a listener may read the breaker.
     * Accepted race: two transitions made in quick succession by two threads may reach the store and the
     * listeners in the opposite order; each event names both its states.
     */
    private void emit(State from, State to, TransitionReason reason, int status, Duration openFor, boolean publish) {
        Trip trip = to.trip();
        WindowCounts counts = trip != null ? trip.counts() : WindowCounts.EMPTY;
        StateTransition transition = new StateTransition(id, from.publicState(), to.publicState(), to.isForced(),
                reason, status, openFor, counts, Instant.ofEpochMilli(clock.wallMillis()));
        if (publish) {
            // The store first: other replicas should not wait for this one's listeners (logging, metrics).
            long retryAtWall = openFor == null ? 0 : clock.wallMillis() + openFor.toMillis();
            shared.published(transition, retryAtWall);
        }
        try {
            listener.onStateChange(transition);
        } catch (RuntimeException e) {
            log.warn("A breaker listener failed on {}", transition, e);
        }
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** The store's view of this breaker. */
    private final class Local implements LocalBreaker {

        @Override
        public WindowCounts localCounts() {
            return window.counts(clock.nanoTime());
        }

        @Override
        public void applyRemote(BreakerState target, boolean forced, long retryAtWallMillis) {
            State current = state;
            if (current.publicState() == target && current.isForced() == forced) {
                return;
            }
            State next;
            Duration openFor = null;
            if (forced) {
                next = new ForcedState(Breaker.this, target);
            } else if (target == BreakerState.OPEN) {
                openFor = Duration.ofMillis(Math.max(0, retryAtWallMillis - clock.wallMillis()));
                int consecutive = current instanceof HalfOpenState halfOpen ? halfOpen.trip.consecutive() + 1 : 1;
                next = new OpenState(Breaker.this, clock.nanoTime() + openFor.toNanos(),
                        new Trip(consecutive, TransitionReason.REMOTE, WindowCounts.EMPTY));
            } else if (target == BreakerState.CLOSED) {
                next = new ClosedState(Breaker.this);
            } else {
                return; // HALF_OPEN is entered locally, when this replica's open period ends
            }
            moveTo(current, next, TransitionReason.REMOTE, 0, openFor, false);
        }

        @Override
        public void remoteCountsChanged() {
            // The store may call this before the constructor has stored its SharedState.
            if (shared != null && state instanceof ClosedState closed) {
                WindowCounts local = window.counts(clock.nanoTime());
                judge(closed, PackedCounts.of(local.calls(), local.failures(), local.slowCalls()), null);
            }
        }
    }
}
