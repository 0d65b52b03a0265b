package dev.breaker.core.window;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.breaker.core.window.PackedCounts.toCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One thread at a time: every count is exact. */
class OutcomeWindowTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DURATION = 10 * SECOND; // slices of one second

    @Test
    void holdsNinetyFiveFailuresAmongTheLastHundredCalls() {
        OutcomeWindow window = new OutcomeWindow(100, DURATION, 0);
        for (int i = 0; i < 250; i++) {
            window.recordSuccess(0);
        }
        for (int i = 0; i < 5; i++) {
            window.recordSuccess(0);
        }
        WindowCounts last = null;
        for (int i = 0; i < 95; i++) {
            last = toCounts(window.recordFailure(0, false));
        }
        assertThat(last).isEqualTo(new WindowCounts(100, 95));

        window.recordSuccess(0); // pushes out one of the five successes, not a failure
        assertThat(window.counts(0)).isEqualTo(new WindowCounts(100, 95));
        for (int i = 0; i < 5; i++) {
            window.recordSuccess(0);
        }
        assertThat(window.counts(0)).isEqualTo(new WindowCounts(100, 94));
    }

    @Test
    void agesOutACallOnceItsSliceIsTenSlicesOld() {
        OutcomeWindow window = new OutcomeWindow(100, DURATION, 0);
        window.recordFailure(SECOND - 1, false); // slice 0
        window.recordSuccess(SECOND);     // slice 1

        assertThat(window.counts(10 * SECOND - 1)).isEqualTo(new WindowCounts(2, 1)); // slice 9
        assertThat(window.counts(10 * SECOND)).isEqualTo(new WindowCounts(1, 0));     // slice 10
        assertThat(window.counts(11 * SECOND)).isEqualTo(WindowCounts.EMPTY);
        assertThat(window.counts(500 * SECOND)).isEqualTo(WindowCounts.EMPTY);
    }

    @Test
    void startsEmptyAfterAReset() {
        OutcomeWindow window = new OutcomeWindow(10, DURATION, 0);
        window.recordFailure(0, false);
        window.recordSuccess(0);
        window.reset(0);
        assertThat(window.counts(0)).isEqualTo(WindowCounts.EMPTY);
        assertThat(toCounts(window.recordSuccess(0))).isNull();
        assertThat(toCounts(window.recordFailure(0, false))).isEqualTo(new WindowCounts(2, 1));
        assertThat(window.totalSuccesses()).isEqualTo(2);
    }

    @Test
    void returnsNoCountsForASuccessWhileTheWindowHoldsNoFailure() {
        OutcomeWindow window = new OutcomeWindow(10, DURATION, 0);
        for (int i = 0; i < 30; i++) {
            assertThat(toCounts(window.recordSuccess(i * SECOND))).isNull();
        }
    }

    @Test
    void judgesSuccessesWhileTheWindowIsNotFullAndHoldsAFailure() {
        OutcomeWindow window = new OutcomeWindow(4, DURATION, 0);
        assertThat(toCounts(window.recordSuccess(0))).isNull();
        assertThat(toCounts(window.recordFailure(0, false))).isEqualTo(new WindowCounts(2, 1));
        assertThat(toCounts(window.recordSuccess(0))).isEqualTo(new WindowCounts(3, 1));
        assertThat(toCounts(window.recordSuccess(0))).isEqualTo(new WindowCounts(4, 1));
        // Full: a success now only pushes out the oldest call, and cannot raise the rate.
        assertThat(toCounts(window.recordSuccess(0))).isNull();
        assertThat(window.counts(0)).isEqualTo(new WindowCounts(4, 1));
    }

    @Test
    void judgesTheFirstSuccessAfterCallsAgedOut() {
        OutcomeWindow window = new OutcomeWindow(4, DURATION, 0);
        window.recordSuccess(0);
        window.recordSuccess(0);
        window.recordSuccess(0);
        window.recordFailure(5 * SECOND, false);
        assertThat(toCounts(window.recordSuccess(5 * SECOND))).isNull(); // full: the failure and three successes

        // Slice 0 ages out: the failure is one of three calls (this success included), not of four.
        assertThat(toCounts(window.recordSuccess(10 * SECOND))).isEqualTo(new WindowCounts(3, 1));
        assertThat(toCounts(window.recordSuccess(10 * SECOND))).isEqualTo(new WindowCounts(4, 1));
        assertThat(toCounts(window.recordSuccess(10 * SECOND))).isNull();
    }

    @Test
    void countsSlowSuccessesAndSlowFailuresAsOneCallEach() {
        OutcomeWindow window = new OutcomeWindow(10, DURATION, 0, true);
        window.recordSuccess(0);
        assertThat(toCounts(window.recordSlowSuccess(0))).isEqualTo(new WindowCounts(2, 0, 1));
        assertThat(toCounts(window.recordFailure(0, true))).isEqualTo(new WindowCounts(3, 1, 2));
        assertThat(toCounts(window.recordFailure(0, false))).isEqualTo(new WindowCounts(4, 2, 2));
        assertThat(window.counts(0)).isEqualTo(new WindowCounts(4, 2, 2));
        assertThat(window.totalSuccesses()).as("a slow success is a success").isEqualTo(2);
    }

    @Test
    void judgesPlainSuccessesWhileTheWindowHoldsASlowCallAndIsNotFull() {
        OutcomeWindow window = new OutcomeWindow(3, DURATION, 0, true);
        assertThat(toCounts(window.recordSlowSuccess(0))).isEqualTo(new WindowCounts(1, 0, 1));
        // Each may bring the calls up to minimum-calls while the slow share still holds.
        assertThat(toCounts(window.recordSuccess(0))).isEqualTo(new WindowCounts(2, 0, 1));
        assertThat(toCounts(window.recordSuccess(0))).isEqualTo(new WindowCounts(3, 0, 1));
        assertThat(toCounts(window.recordSuccess(0))).isNull(); // full: pushes out the slow call
        assertThat(window.counts(0)).isEqualTo(new WindowCounts(3, 0, 0));
        assertThat(toCounts(window.recordSuccess(0))).isNull();
    }

    @Test
    void agesOutASlowCallWithItsSlice() {
        OutcomeWindow window = new OutcomeWindow(100, DURATION, 0, true);
        window.recordSlowSuccess(SECOND - 1); // slice 0
        window.recordSuccess(SECOND);         // slice 1

        assertThat(window.counts(10 * SECOND - 1)).isEqualTo(new WindowCounts(2, 0, 1));
        assertThat(window.counts(10 * SECOND)).isEqualTo(new WindowCounts(1, 0, 0));
    }

    @Test
    void refusesASlowCallWhereSlowCallsAreNotJudged() {
        OutcomeWindow window = new OutcomeWindow(10, DURATION, 0);
        assertThatThrownBy(() -> window.recordSlowSuccess(0)).isInstanceOf(IllegalStateException.class);
        assertThat(window.counts(0)).isEqualTo(WindowCounts.EMPTY);
    }

    @Test
    void handsOutTheLargestCountsExactlyAndRefusesAWindowTooLargeForThem() {
        int max = PackedCounts.MAX_CALLS;
        long packed = PackedCounts.of(max, max - 1, max - 2);
        assertThat(toCounts(packed)).isEqualTo(new WindowCounts(max, max - 1, max - 2));
        assertThat(toCounts(PackedCounts.of(0, 0, 0))).isEqualTo(WindowCounts.EMPTY);
        assertThat(toCounts(PackedCounts.NONE)).isNull();
        new OutcomeWindow(max, DURATION, 0, true);
        assertThatThrownBy(() -> new OutcomeWindow(max + 1, DURATION, 0, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithAPlainListOfCallsAfterEveryStep() {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            int size = 1 + random.nextInt(random.nextBoolean() ? 10 : 150);
            long duration = (1 + random.nextInt(60)) * SECOND;
            check(seed, random, size, duration, null);
        }
    }

    @Test
    void agreesWithAPlainListOfCallsAfterEveryStepWithSlowCalls() {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            int size = 1 + random.nextInt(random.nextBoolean() ? 10 : 150);
            long duration = (1 + random.nextInt(60)) * SECOND;
            check(seed, random, size, duration, new Random(~seed));
        }
    }

    private record Call(long slice, boolean failed, boolean slow) {
    }

    /** With {@code slowness}, a call is slow now and then: drawn from it, so that the other draws stay as they were. */
    private static void check(long seed, Random random, int size, long duration, Random slowness) {
        long sliceNanos = duration / 10;
        long now = random.nextLong() / 4; // nanoTime may be negative
        OutcomeWindow window = new OutcomeWindow(size, duration, now, slowness != null);
        List<Call> calls = new ArrayList<>();
        long successes = 0;
        int failurePercent = new int[] {1, 10, 50, 90}[random.nextInt(4)];
        int slowPercent = slowness == null ? 0 : new int[] {1, 10, 50, 90}[slowness.nextInt(4)];
        for (int step = 0; step < 2_000; step++) {
            int dice = random.nextInt(100);
            boolean slow = slowness != null && slowness.nextInt(100) < slowPercent;
            WindowCounts returned = null;
            boolean plainSuccess = false;
            if (dice < 3) {
                now += random.nextInt(3) == 0 ? random.nextLong(2 * duration) : random.nextLong(sliceNanos * 2);
            } else if (dice < 4) {
                window.reset(now);
                calls.clear();
            } else if (random.nextInt(100) < failurePercent) {
                calls.add(new Call(Math.floorDiv(now, sliceNanos), true, slow));
                returned = toCounts(window.recordFailure(now, slow));
                assertThat(returned).isNotNull();
            } else {
                calls.add(new Call(Math.floorDiv(now, sliceNanos), false, slow));
                successes++;
                returned = toCounts(slow ? window.recordSlowSuccess(now) : window.recordSuccess(now));
                plainSuccess = !slow;
                assertThat(returned != null || !slow).as("a slow success is always judged").isTrue();
            }
            WindowCounts expected = modelCounts(calls, size, Math.floorDiv(now, sliceNanos));
            String where = "seed " + seed + ", step " + step + ", size " + size;
            if (returned != null) {
                assertThat(returned).as(where).isEqualTo(expected);
            } else if (plainSuccess && (expected.failures() > 0 || expected.slowCalls() > 0)) {
                // Nothing to judge only when a full window lost its oldest call to this success.
                assertThat(expected.calls()).as(where + ": a success returned no counts").isEqualTo(size);
            }
            assertThat(window.counts(now)).as(where).isEqualTo(expected);
        }
        assertThat(window.totalSuccesses()).isEqualTo(successes);
    }

    private static WindowCounts modelCounts(List<Call> calls, int size, long slice) {
        List<Call> recent = calls.stream().filter(call -> slice - call.slice() < 10).toList();
        List<Call> last = recent.subList(Math.max(0, recent.size() - size), recent.size());
        return new WindowCounts(last.size(), (int) last.stream().filter(Call::failed).count(),
                (int) last.stream().filter(Call::slow).count());
    }
}
