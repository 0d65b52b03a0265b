package dev.breaker.core.window;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailurePositionsTest {

    @Test
    void roundsItsCapacityUpToAPowerOfTwoOfAtLeast64() {
        assertThat(capacityOf(1)).isEqualTo(64);
        assertThat(capacityOf(64)).isEqualTo(64);
        assertThat(capacityOf(65)).isEqualTo(128);
        assertThat(capacityOf(100)).isEqualTo(128);
        assertThat(capacityOf(1000)).isEqualTo(1024);
    }

    /** Probes the capacity: the oldest position still held after a failure at a far position. */
    private static long capacityOf(int calls) {
        FailurePositions positions = new FailurePositions(calls);
        positions.add(-1, 10_000);
        long from = 10_000;
        while (true) {
            try {
                positions.count(from - 1, 10_000);
                from--;
            } catch (IllegalArgumentException noLongerHeld) {
                return 10_000 - from + 1;
            }
        }
    }

    @Test
    void countsTheFailuresFromAPositionAgainstAPlainList() {
        for (int calls : new int[] {1, 7, 64, 100, 129, 1000}) {
            for (long seed = 0; seed < 20; seed++) {
                checkAgainstList(calls, new Random(seed));
            }
        }
    }

    private static void checkAgainstList(int calls, Random random) {
        FailurePositions positions = new FailurePositions(calls);
        List<Long> failed = new ArrayList<>();
        long position = random.nextInt(3);
        long latest = -1;
        int percent = new int[] {1, 10, 50, 90, 100}[random.nextInt(5)];
        for (int step = 0; step < 5_000; step++) {
            // Mostly short gaps, sometimes one longer than the bitmap: its old bits must not come back.
            position += random.nextInt(100) < percent ? 1 : 1 + random.nextInt(random.nextInt(20) == 0 ? 5_000 : 5);
            positions.add(latest, position);
            latest = position;
            failed.add(position);
            long from = position - random.nextInt(calls);
            long expected = 0;
            for (int i = failed.size() - 1; i >= 0 && failed.get(i) >= from; i--) {
                expected++;
            }
            assertThat(positions.count(from, latest)).as("calls %d, failures from %d up to %d", calls, from, position)
                    .isEqualTo(expected);
        }
    }

    @Test
    void countsNothingAfterTheLatestFailure() {
        FailurePositions positions = new FailurePositions(100);
        assertThat(positions.count(0, -1)).isZero();
        positions.add(-1, 5);
        assertThat(positions.count(6, 5)).isZero();
        assertThat(positions.count(5, 5)).isEqualTo(1);
        assertThat(positions.count(0, 5)).isEqualTo(1);
    }

    @Test
    void refusesAPositionThatDoesNotComeAfterTheLatest() {
        FailurePositions positions = new FailurePositions(100);
        positions.add(-1, 5);
        assertThatThrownBy(() -> positions.add(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> positions.add(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
