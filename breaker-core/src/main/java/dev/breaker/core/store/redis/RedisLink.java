package dev.breaker.core.store.redis;

import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerId;
import dev.breaker.core.BreakerState;
import dev.breaker.core.LocalBreaker;
import dev.breaker.core.SharedState;
import dev.breaker.core.StateTransition;
import dev.breaker.core.TransitionReason;
import dev.breaker.core.window.WindowCounts;
import io.lettuce.core.ScriptOutputType;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One breaker's link to Redis. See docs/redis.md, "Shared state through Redis", for the whole design.
 *
 * <h2>Threads</h2>
 * The breaker calls {@link #published}, {@link #recorded}, {@link #tryAcquireProbe} and
 * {@link #releaseProbe} on its callers' threads; they only send asynchronous commands and touch
 * atomics. Replies, flushes and resyncs run on the store's single thread; messages from other
 * replicas are applied on the subscription's thread, to spare a hand-off on the way of a trip.
 * Both apply a stored state through {@link #applyStored}, under this link's lock, which checks the
 * epoch and calls {@link LocalBreaker#applyRemote}: one change at a time, and never an older one
 * after a newer. {@link LocalBreaker#remoteCountsChanged} is only called from the store's thread.
 *
 * <h2>Accepted races</h2>
 * <ul>
 *   <li>The remote counts a breaker judges may be up to one flush interval old; the last flush to
 *       reach Redis always sees every replica's counts, so a sum that reaches a rule is never missed.</li>
 *   <li>A reply that arrives after the breaker changed state again (its {@link #generation} moved)
 *       is dropped: it describes a window or a state that no longer exists.</li>
 * </ul>
 */
final class RedisLink implements SharedState {

    /** A probe lease granted too late for its caller waits this long for the next probe here. */
    private static final long PARKED_LEASE_MILLIS = 500;

    /** How a change is written; see {@link RedisScripts#SYNC}. */
    enum Kind {
        TRIP("T"), CLOSE("C"), FORCE("F"), RESET("R"), RESTORE("S"), QUERY("Q");

        final String code;

        Kind(String code) {
            this.code = code;
        }

        static Kind of(StateTransition transition) {
            if (transition.forced()) {
                return FORCE;
            }
            if (transition.reason() == TransitionReason.RESET) {
                return RESET;
            }
            return switch (transition.to()) {
                case OPEN -> TRIP;
                case CLOSED -> CLOSE;
                case HALF_OPEN -> null;
            };
        }
    }

    /** What this replica's breaker is, as far as the store knows (from transitions it heard and made). */
    record Mirror(BreakerState state, boolean forced, long retryAt) {

        static final Mirror CLOSED = new Mirror(BreakerState.CLOSED, false, 0);

        boolean plainlyClosed() {
            return state == BreakerState.CLOSED && !forced;
        }
    }

    /** A local change that Redis has not confirmed yet; sent again when Redis is back. */
    private record Pending(Kind kind, long seq) {
    }

    final BreakerId id;
    private final RedisContext context;
    private final LocalBreaker local;
    private final RedisKeys keys;
    private final String[] stateKeys;
    private final String[] countKeys;
    private final String[] probeKeys;
    private final String messageTail;
    private final String wakeMessage;
    private final long windowMillis;
    private final long probeTimeoutMillis;
    private final String maxProbes;

    private final AtomicLong seenEpoch = new AtomicLong();
    private final AtomicLong localChanges = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private volatile Mirror mirror = Mirror.CLOSED;
    private volatile boolean detached;

    private volatile WindowCounts remote = WindowCounts.EMPTY;
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicBoolean resyncQueued = new AtomicBoolean();
    private ScheduledFuture<?> refresh; // store thread only

    private final ProbeLeases leases = new ProbeLeases();

    RedisLink(RedisContext context, BreakerId id, BreakerConfig config, LocalBreaker local) {
        this.id = id;
        this.context = context;
        this.local = local;
        this.keys = new RedisKeys(context.keyPrefix, id);
        this.stateKeys = new String[] {keys.state, keys.counts, keys.probes};
        this.countKeys = new String[] {keys.counts, keys.state};
        this.probeKeys = new String[] {keys.probes};
        this.messageTail = Messages.tail(id);
        this.wakeMessage = Messages.wake(context.replicaId, messageTail);
        this.windowMillis = Math.max(1, config.windowDuration().toMillis());
        this.probeTimeoutMillis = Math.max(1, config.probeTimeout().toMillis());
        this.maxProbes = Integer.toString(config.halfOpenMaxCalls());
    }

    // ---- state -------------------------------------------------------------------------------

    @Override
    public void published(StateTransition transition, long retryAtWallMillis) {
        generation.incrementAndGet();
        remote = WindowCounts.EMPTY;
        leases.clear();
        if (transition.to() == BreakerState.HALF_OPEN) {
            // Each replica starts probing when its own copy of retryAt passes; nothing to share.
            mirror = new Mirror(BreakerState.HALF_OPEN, false, mirror.retryAt());
            return;
        }
        Mirror next = new Mirror(transition.to(), transition.forced(),
                transition.to() == BreakerState.OPEN && !transition.forced() ? retryAtWallMillis : 0);
        mirror = next;
        Kind kind = Kind.of(transition);
        long seq = localChanges.incrementAndGet();
        pending.set(new Pending(kind, seq));
        sync(kind, next, seq);
    }

    /**
     * Sends what Redis must learn or tell: a pending change, a state to restore, or a query.
     * Returns the command's completion, or null if nothing was sent.
     */
    CompletableFuture<?> resync() {
        resyncQueued.set(false);
        Pending change = pending.get();
        Mirror current = mirror;
        if (change != null) {
            return sync(change.kind(), current, change.seq());
        }
        return sync(current.plainlyClosed() ? Kind.QUERY : Kind.RESTORE, current, 0);
    }

    /** Whether this call queued the link for a resync (false if it already was). */
    boolean queueResync() {
        return resyncQueued.compareAndSet(false, true);
    }

    /** Periodically: puts back a non-closed state that Redis lost (FLUSHALL, eviction, an empty restart). */
    void republish() {
        Pending change = pending.get();
        Mirror current = mirror;
        if (change != null) {
            sync(change.kind(), current, change.seq());
        } else if (!current.plainlyClosed()) {
            sync(Kind.RESTORE, current, 0);
        }
    }

    private CompletableFuture<?> sync(Kind kind, Mirror state, long seq) {
        if (detached || !context.usable()) {
            return null; // a pending change stays pending; resync() sends it when Redis is back
        }
        long gen = generation.get();
        String storedState = state.state() == BreakerState.CLOSED ? "CLOSED" : "OPEN";
        return context.connector.<List<Object>>eval(RedisScripts.SYNC, ScriptOutputType.MULTI, stateKeys,
                        kind.code, storedState, state.forced() ? "1" : "0", Long.toString(state.retryAt()),
                        Long.toString(seenEpoch.get()), context.replicaId, context.channel, messageTail,
                        Long.toString(ttlMillis(state)))
                .whenCompleteAsync((reply, error) -> synced(kind, seq, gen, reply, error), context.executor);
    }

    private void synced(Kind kind, long seq, long gen, List<Object> reply, Throwable error) {
        if (error != null || reply == null || reply.isEmpty()) {
            return; // the connector recorded the outage
        }
        if (number(reply.get(0)) == 1) {
            seenEpoch.accumulateAndGet(number(reply.get(1)), Math::max);
            clearPending(seq);
            return;
        }
        clearPending(seq);
        StoredState stored = StoredState.fromReply(reply, 1);
        if (stored != null && gen == generation.get()) {
            // A trip or close that Redis refused lost to a forced state or a newer change: follow it.
            applyStored(stored, kind == Kind.TRIP || kind == Kind.CLOSE);
        }
    }

    private void clearPending(long seq) {
        Pending change = pending.get();
        if (seq > 0 && change != null && change.seq() <= seq) {
            pending.compareAndSet(change, null);
        }
    }

    /** A state message from another replica (or our own, echoed). */
    void onStateMessage(StoredState state, String origin) {
        if (origin.equals(context.replicaId)) {
            seenEpoch.accumulateAndGet(state.epoch(), Math::max);
            return;
        }
        applyStored(state, false);
    }

    /**
     * Follows the stored state if it is newer than anything seen (or, with {@code force}, at least as
     * new). An operator's change made here that Redis has not confirmed yet is kept instead: it is
     * about to be sent, and it wins.
     */
    private synchronized void applyStored(StoredState stored, boolean force) {
        long seen = seenEpoch.get();
        if (detached || stored.epoch() < seen || (!force && stored.epoch() == seen)) {
            return;
        }
        Pending change = pending.get();
        if (change != null && (change.kind() == Kind.FORCE || change.kind() == Kind.RESET)) {
            return;
        }
        seenEpoch.accumulateAndGet(stored.epoch(), Math::max);
        pending.set(null);
        generation.incrementAndGet();
        remote = WindowCounts.EMPTY;
        leases.clear();
        mirror = new Mirror(stored.state(), stored.forced(), stored.retryAt());
        local.applyRemote(stored.state(), stored.forced(), stored.retryAt());
    }

    /** Redis is unusable: judge on local counts only, as the in-memory store would. */
    void onStoreDown() {
        remote = WindowCounts.EMPTY;
    }

    private long ttlMillis(Mirror state) {
        if (state.forced()) {
            return 0; // an operator's state holds until reset, even across a restart of every replica
        }
        if (state.state() == BreakerState.CLOSED) {
            return Math.max(1_000, windowMillis);
        }
        return Math.max(0, state.retryAt() - context.clock.wallMillis()) + probeTimeoutMillis;
    }

    // ---- counts ------------------------------------------------------------------------------

    @Override
    public WindowCounts remoteCounts() {
        return remote;
    }

    /** A failure or a slow call: shared at the next flush tick, like every change a rule may depend on. */
    @Override
    public void recorded(boolean marked) {
        if (marked) {
            requestFlush();
        }
    }

    /**
     * Another replica saw its first failure or slow call: share our calls, so that its rates are
     * judged over them.
     */
    void wake() {
        if (mirror.plainlyClosed()) {
            requestFlush();
        }
    }

    /**
     * Queues this breaker for the store's next flush tick (every flush interval). A failing call
     * pays one CAS and, the first time in a tick, one queue offer: no thread is woken on its way.
     */
    private void requestFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            context.flushSoon(this);
        }
    }

    /** Store thread: shares this replica's window counts and reads the others'. */
    void flush() {
        flushScheduled.set(false);
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
        if (detached || !context.usable() || !mirror.plainlyClosed()) {
            return;
        }
        long gen = generation.get();
        WindowCounts mine = local.localCounts();
        context.connector.<List<Object>>eval(RedisScripts.COUNTS, ScriptOutputType.MULTI, countKeys,
                        context.replicaId, Integer.toString(mine.calls()), Integer.toString(mine.failures()),
                        Integer.toString(mine.slowCalls()), Long.toString(seenEpoch.get()),
                        Long.toString(windowMillis), context.channel, wakeMessage)
                .whenCompleteAsync((reply, error) -> counted(gen, mine, reply, error), context.executor);
    }

    private void counted(long gen, WindowCounts mine, List<Object> reply, Throwable error) {
        if (error != null || reply == null || reply.isEmpty() || detached) {
            return;
        }
        if (number(reply.get(0)) == 0) {
            StoredState stored = StoredState.fromReply(reply, 1);
            if (stored != null && gen == generation.get()) {
                applyStored(stored, false); // we had missed a state change: catch up
            }
            return;
        }
        if (gen != generation.get()) {
            return; // the breaker changed state meanwhile: these counts belong to an old window
        }
        int calls = (int) Math.min(Integer.MAX_VALUE, number(reply.get(1)));
        int failures = (int) Math.min(calls, number(reply.get(2)));
        int slowCalls = (int) Math.min(calls, number(reply.get(3)));
        WindowCounts view = new WindowCounts(calls, failures, slowCalls);
        remote = view;
        if (marked(view)) {
            local.remoteCountsChanged();
        }
        if ((marked(mine) || marked(view)) && refresh == null) {
            // Keep the shared view fresh while any replica's window holds a failure or a slow call:
            // ours may age out, theirs may grow, and replicas that only see plain successes share their calls.
            refresh = context.executor.schedule(this::flush, context.refreshNanos(windowMillis), TimeUnit.NANOSECONDS);
        }
    }

    /** Whether a window holds a failure or a slow call: what a rule may trip on. */
    private static boolean marked(WindowCounts counts) {
        return counts.failures() > 0 || counts.slowCalls() > 0;
    }

    // ---- probes ------------------------------------------------------------------------------

    @Override
    public boolean tryAcquireProbe() {
        if (leases.takeParked() != null) {
            return true;
        }
        if (!context.usable()) {
            leases.admittedWithoutLease();
            return true; // Redis is out: this replica decides alone, within its local slots
        }
        String lease = context.nextLeaseId();
        long gen = generation.get();
        CompletableFuture<Long> reply = context.connector.eval(RedisScripts.ACQUIRE_PROBE, ScriptOutputType.INTEGER,
                probeKeys, lease, maxProbes, Long.toString(probeTimeoutMillis));
        try {
            Long granted = reply.get(context.probeWaitNanos, TimeUnit.NANOSECONDS);
            if (granted != null && granted == 1L) {
                leases.held(lease);
                return true;
            }
            return false;
        } catch (TimeoutException slow) {
            // Not within the wait: this call is not a probe, but the lease, if it comes, serves the next one.
            reply.whenCompleteAsync((late, error) -> lateLease(lease, gen, late), context.executor);
            return false;
        } catch (ExecutionException failed) {
            leases.admittedWithoutLease();
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            reply.whenCompleteAsync((late, error) -> lateLease(lease, gen, late), context.executor);
            return false;
        }
    }

    private void lateLease(String lease, long gen, Long granted) {
        if (granted == null || granted != 1L) {
            return;
        }
        if (detached || gen != generation.get()) {
            context.connector.zrem(keys.probes, lease);
            return;
        }
        leases.park(lease);
        context.executor.schedule(() -> {
            if (leases.unpark(lease)) {
                context.connector.zrem(keys.probes, lease);
            }
        }, PARKED_LEASE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void releaseProbe() {
        String lease = leases.release();
        if (lease != null) {
            context.connector.zrem(keys.probes, lease);
        }
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    @Override
    public void detach() {
        detached = true;
        context.remove(this);
        for (String lease : leases.parkedLeases()) {
            context.connector.zrem(keys.probes, lease);
        }
        leases.clear();
    }

    /** For tests and diagnostics. */
    Mirror mirror() {
        return mirror;
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value == null ? 0 : Long.parseLong(value.toString());
    }
}
