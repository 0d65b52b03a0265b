package dev.breaker.core.window;

/**
 * The sliding window of a closed breaker: the last {@code size} calls that happened within
 * {@code duration}, judged at a granularity of a tenth of {@code duration}. Every method may be
 * called from any thread.
 *
 * <p>Time is cut into slices of a tenth of the duration, slice {@code s} being the times {@code t}
 * with {@code floor(t / sliceNanos) == s}. A call made in slice {@code s} is in the window at slice
 * {@code c} while {@code c - s < 10}: a call younger than nine tenths of the duration always counts,
 * a call older than the duration never does.
 *
 * <h2>Implementation notes</h2>
 * <b>What is kept.</b> Calls are numbered in the order they are recorded: their positions. Successes
 * are only counted, in a {@link StripedCounter}. Failures are recorded under a lock in a
 * {@link CallLedger}: how many there were, and which positions failed (a bitmap of about
 * {@code size} bits, allocated on the first failure and kept). At each slice boundary the ledger
 * notes how many calls had been recorded. The window is then the latest
 * {@code min(size, total - mark of its oldest slice)} positions, and its failures the positions set
 * among them. A failure entering an empty window or the last one leaving it costs nothing extra:
 * nothing is replayed, allocated or dropped.
 *
 * <p><b>The success path</b> is a volatile read of {@code sliceEnd} (a boundary passed: take the lock
 * once per slice to note it), one increment of the striped count and a volatile read of
 * {@code judgeSuccesses}: no lock, no allocation, with or without failures in the window.
 *
 * <p><b>When a success is judged.</b> A success adds a call that did not fail, and once the window
 * is full it pushes out the oldest call: neither raises the failure count, nor the failure rate once
 * the window holds {@code size} calls. So after a verdict of "no trip", a success can only make a rule
 * hold while the window holds fewer than {@code size} calls (it may bring them up to
 * {@code minimum-calls}), or once older calls have aged out (a slice boundary passed). Only then is
 * {@code judgeSuccesses} set, and only then does {@link #recordSuccess} take the lock and return
 * counts; a judged success clears it again once the window is full. Every failure is judged.
 *
 * <p><b>What is exact.</b> Calls recorded one at a time (as in the model-based test) give exactly the
 * documented window, and every success and failure a window records is in its count exactly once,
 * whatever the threads: {@link #totalSuccesses()} is exact once the calls are done.
 *
 * <p><b>Accepted races</b>, with calls recorded at the same time by several threads:
 * <ul>
 *   <li>a failure's position is the successes counted when it takes the lock plus the failures
 *       before it: a success recorded at the same moment falls before or after it. Concurrent calls
 *       have no order anyway; none is lost or counted twice, and failures never exceed calls;</li>
 *   <li>a success that reads {@code judgeSuccesses} just before a concurrent failure or slice
 *       boundary sets it is not judged; the next judged call judges a window that includes it;</li>
 *   <li>a call whose time was read before a boundary that another thread has already noted counts in
 *       the new slice: it ages out one slice later, never earlier.</li>
 * </ul>
 *
 * <p><b>Memory ordering.</b> The ledger is read and written only under its lock (a CAS to acquire, a
 * release store to let go). {@code sliceEnd} and {@code judgeSuccesses} are volatile and written under
 * the lock; outside it they are hints: a stale {@code sliceEnd} sends a thread to the lock, which
 * checks again, and a stale {@code judgeSuccesses} is the second race above. The success count is
 * read once per locked section, so the marks, positions and counts of one section agree.
 */
public final class OutcomeWindow {

    static final int SLICES = CallLedger.SLICES;

    // What every success reads; what failures write is in the ledger, another object.
    private final StripedCounter successes = new StripedCounter();
    private final CallLedger ledger;
    private volatile long sliceEnd;
    private volatile boolean judgeSuccesses;

    public OutcomeWindow(int size, long durationNanos, long now) {
        if (size < 1 || durationNanos < SLICES) {
            throw new IllegalArgumentException("window needs size >= 1 and a duration of at least 10 ns");
        }
        this.ledger = new CallLedger(size, durationNanos / SLICES, now);
        this.sliceEnd = ledger.sliceEnd();
    }

    /**
     * Records a success. Returns the window's counts when a trip rule could newly hold on them (see
     * the notes above), or null when none can: then there is nothing to judge.
     */
    public WindowCounts recordSuccess(long now) {
        if (now >= sliceEnd) {
            rotate(now);
        }
        successes.increment();
        return judgeSuccesses ? judgeSuccess(now) : null;
    }

    /** Records a failure and returns the counts that include it. */
    public WindowCounts recordFailure(long now) {
        // The counts come packed in a long so that this method stays small enough to be inlined
        // into its caller, whose escape analysis can then do without allocating them. Returned from
        // a larger method, they were allocated in some JIT runs (24 B per failure).
        long counts = recordFailurePacked(now);
        return new WindowCounts((int) (counts >>> Integer.SIZE), (int) counts);
    }

    /** The counts at {@code now}, after ageing out what is too old. */
    public WindowCounts counts(long now) {
        ledger.lock();
        try {
            long successCount = successes.sum();
            advance(now, successCount);
            long total = ledger.total(successCount);
            int calls = ledger.calls(total);
            return new WindowCounts(calls, ledger.failures(total, calls));
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

    private long recordFailurePacked(long now) {
        ledger.lock();
        try {
            long successCount = successes.sum();
            advance(now, successCount);
            ledger.addFailure(successCount);
            long total = ledger.total(successCount);
            int calls = ledger.calls(total);
            setJudgeSuccesses(!ledger.isFull(calls));
            return (long) calls << Integer.SIZE | ledger.failures(total, calls);
        } finally {
            ledger.unlock();
        }
    }

    private WindowCounts judgeSuccess(long now) {
        ledger.lock();
        try {
            long successCount = successes.sum();
            advance(now, successCount);
            long total = ledger.total(successCount);
            int calls = ledger.calls(total);
            int failures = ledger.failures(total, calls);
            setJudgeSuccesses(failures > 0 && !ledger.isFull(calls));
            return failures > 0 ? new WindowCounts(calls, failures) : null;
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
            if (ledger.holdsFailure(total, ledger.calls(total))) {
                setJudgeSuccesses(true); // calls aged out: the failure rate may have risen
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
