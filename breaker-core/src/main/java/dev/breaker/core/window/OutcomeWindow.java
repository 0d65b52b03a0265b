package dev.breaker.core.window;

/**
 * The sliding window of a closed breaker: the last {@code size} calls that happened within
 * {@code duration}, judged at a granularity of a tenth of {@code duration}, with how many of them
 * failed and, where slow calls are judged, how many were slow. Every method may be called from any
 * thread.
 *
 * <p>Time is cut into slices of a tenth of the duration, slice {@code s} being the times {@code t}
 * with {@code floor(t / sliceNanos) == s}. A call made in slice {@code s} is in the window at slice
 * {@code c} while {@code c - s < 10}: a call younger than nine tenths of the duration always counts,
 * a call older than the duration never does. A slow call is a success or a failure that is also
 * slow: it is one call, in the window exactly as long as any other.
 *
 * <h2>Implementation notes</h2>
 * <b>What is kept.</b> Calls are numbered in the order they are recorded: their positions. Plain
 * successes (not slow) are only counted, in a {@link StripedCounter}. <em>Marked</em> calls, the
 * failures and the slow successes, are recorded under a lock in a {@link CallLedger}: how many
 * failed, and which positions failed and which were slow (bitmaps of about {@code size} bits,
 * allocated on the first marked call and kept; the slow one only where slow calls are judged). A
 * slow success is counted in the striped count too, under the lock, right after it took its
 * position, so that the striped count stays the number of all successes. At each slice boundary the
 * ledger notes how many calls had been recorded. The window is then the latest
 * {@code min(size, total - mark of its oldest slice)} positions, and its failures and slow calls the
 * positions marked among them. A marked call entering an empty window or the last one leaving it
 * costs nothing extra: nothing is replayed, allocated or dropped.
 *
 * <p><b>The success path</b> is a volatile read of {@code sliceEnd} (a boundary passed: take the lock
 * once per slice to note it), one increment of the striped count and a volatile read of
 * {@code judgeSuccesses}: no lock, no allocation, with or without marked calls in the window. Whether
 * a success was slow is decided before (by its breaker, one comparison): a slow one takes the
 * marked path instead.
 *
 * <p><b>Counts on the call paths</b> come back {@linkplain PackedCounts packed} in a {@code long}:
 * recording and judging a call then allocate nothing, whatever the JIT inlines.
 *
 * <p><b>When a success is judged.</b> A plain success adds a call that neither failed nor was slow,
 * and once the window is full it pushes out the oldest call: neither raises the failure count, nor
 * the failure rate or the slow share once the window holds {@code size} calls. So after a verdict of
 * "no trip", a plain success can only make a rule hold while the window holds a marked call and
 * fewer than {@code size} calls (it may bring them up to {@code minimum-calls}), or once older calls
 * have aged out (a slice boundary passed). Only then is {@code judgeSuccesses} set, and only then
 * does {@link #recordSuccess} take the lock and return counts; a judged success clears it again once
 * the window is full. Every marked call is judged: a slow success raises the slow share.
 *
 * <p><b>What is exact.</b> Calls recorded one at a time (as in the model-based test) give exactly the
 * documented window, and every call a window records is in its counts exactly once, whatever the
 * threads: {@link #totalSuccesses()} is exact once the calls are done.
 *
 * <p><b>Accepted races</b>, with calls recorded at the same time by several threads:
 * <ul>
 *   <li>a marked call's position is the successes counted when it takes the lock plus the failures
 *       before it: a plain success recorded at the same moment falls before or after it. Concurrent
 *       calls have no order anyway; none is lost or counted twice, and neither failures nor slow
 *       calls ever exceed calls;</li>
 *   <li>a plain success that reads {@code judgeSuccesses} just before a concurrent marked call or
 *       slice boundary sets it is not judged; the next judged call judges a window that includes it;</li>
 *   <li>a call whose time was read before a boundary that another thread has already noted counts in
 *       the new slice: it ages out one slice later, never earlier.</li>
 * </ul>
 *
 * <p><b>Memory ordering.</b> The ledger is read and written only under its lock (a CAS to acquire, a
 * release store to let go). {@code sliceEnd} and {@code judgeSuccesses} are volatile and written under
 * the lock; outside it they are hints: a stale {@code sliceEnd} sends a thread to the lock, which
 * checks again, and a stale {@code judgeSuccesses} is the second race above. The success count is
 * read once per locked section, so the marks, positions and counts of one section agree; a slow
 * success's own increment, made under the lock, is in every later section's read.
 */
public final class OutcomeWindow {

    static final int SLICES = CallLedger.SLICES;

    // What every success reads; what marked calls write is in the ledger, another object.
    private final StripedCounter successes = new StripedCounter();
    private final CallLedger ledger;
    private volatile long sliceEnd;
    private volatile boolean judgeSuccesses;

    /** A window that judges no slow calls. */
    public OutcomeWindow(int size, long durationNanos, long now) {
        this(size, durationNanos, now, false);
    }

    /** @param judgesSlowCalls whether slow calls are recorded too (else recording one throws) */
    public OutcomeWindow(int size, long durationNanos, long now, boolean judgesSlowCalls) {
        if (size < 1 || size > PackedCounts.MAX_CALLS || durationNanos < SLICES) {
            throw new IllegalArgumentException("window needs a size from 1 to " + PackedCounts.MAX_CALLS
                    + " and a duration of at least 10 ns");
        }
        this.ledger = new CallLedger(size, durationNanos / SLICES, now, judgesSlowCalls);
        this.sliceEnd = ledger.sliceEnd();
    }

    /**
     * Records a plain success (not slow). Returns the window's counts, {@linkplain PackedCounts packed},
     * when a trip rule could newly hold on them (see the notes above), or {@link PackedCounts#NONE}
     * when none can: then there is nothing to judge.
     */
    public long recordSuccess(long now) {
        if (now >= sliceEnd) {
            rotate(now);
        }
        successes.increment();
        return judgeSuccesses ? judgeSuccess(now) : PackedCounts.NONE;
    }

    /** Records a failure, slow or not; returns the counts that include it, {@linkplain PackedCounts packed}. */
    public long recordFailure(long now, boolean slow) {
        return recordMarked(now, true, slow);
    }

    /** Records a slow success; returns the counts that include it, packed: it is always judged. */
    public long recordSlowSuccess(long now) {
        return recordMarked(now, false, true);
    }

    /** The counts at {@code now}, after ageing out what is too old. */
    public WindowCounts counts(long now) {
        ledger.lock();
        try {
            long successCount = successes.sum();
            advance(now, successCount);
            long total = ledger.total(successCount);
            int calls = ledger.calls(total);
            return new WindowCounts(calls, ledger.failures(total, calls), ledger.slowCalls(total, calls));
        } finally {
            ledger.unlock();
        }
    }

    /** Empties the window; {@link #totalSuccesses()} keeps counting. */
    public void reset(long now) {
        ledger.lock();
        try {
            long successCount = successes.sum();
            advance(now, successCount);
            ledger.clear(successCount);
            setJudgeSuccesses(false);
        } finally {
            ledger.unlock();
        }
    }

    /** Every success recorded since the window was made, exact once the calls recording them are done. */
    public long totalSuccesses() {
        return successes.sum();
    }

    private long recordMarked(long now, boolean failed, boolean slow) {
        ledger.lock();
        try {
            long successCount = successes.sum();
            advance(now, successCount);
            ledger.addMarked(successCount, failed, slow);
            if (!failed) {
                // Under the lock, after the position: every later section's sum includes it.
                successes.increment();
                successCount++;
            }
            long total = ledger.total(successCount);
            int calls = ledger.calls(total);
            setJudgeSuccesses(!ledger.isFull(calls));
            return PackedCounts.of(calls, ledger.failures(total, calls), ledger.slowCalls(total, calls));
        } finally {
            ledger.unlock();
        }
    }

    private long judgeSuccess(long now) {
        ledger.lock();
        try {
            long successCount = successes.sum();
            advance(now, successCount);
            long total = ledger.total(successCount);
            int calls = ledger.calls(total);
            if (!ledger.holdsMarked(total, calls)) {
                setJudgeSuccesses(false);
                return PackedCounts.NONE;
            }
            setJudgeSuccesses(!ledger.isFull(calls));
            return PackedCounts.of(calls, ledger.failures(total, calls), ledger.slowCalls(total, calls));
        } finally {
            ledger.unlock();
        }
    }

    private void rotate(long now) {
        ledger.lock();
        try {
            advance(now, successes.sum());
        } finally {
            ledger.unlock();
        }
    }

    /** Under the lock: notes the slice boundaries passed by {@code now}. */
    private void advance(long now, long successCount) {
        if (now < sliceEnd) {
            return;
        }
        if (ledger.advanceTo(now, successCount)) {
            sliceEnd = ledger.sliceEnd();
            long total = ledger.total(successCount);
            if (ledger.holdsMarked(total, ledger.calls(total))) {
                setJudgeSuccesses(true); // calls aged out: a rate may have risen
            }
        }
    }

    /** Under the lock; writes only on a change, to spare the line that every success reads. */
    private void setJudgeSuccesses(boolean judge) {
        if (judgeSuccesses != judge) {
            judgeSuccesses = judge;
        }
    }
}
