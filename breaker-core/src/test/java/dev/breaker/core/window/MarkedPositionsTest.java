package dev.breaker.core.window;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.breaker.core.window.MarkedPositions.FAILED;
import static dev.breaker.core.window.MarkedPositions.SLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkedPositionsTest {

    @Test
    void roundsItsCapacityUpToAPowerOfTwoOfAtLeast64() {
        for (boolean slowCalls : new boolean[] {false, true}) {
            assertThat(capacityOf(1, slowCalls)).isEqualTo(64);
            assertThat(capacityOf(64, slowCalls)).isEqualTo(64);
            assertThat(capacityOf(65, slowCalls)).isEqualTo(128);
            assertThat(capacityOf(100, slowCalls)).isEqualTo(128);
            assertThat(capacityOf(1000, slowCalls)).isEqualTo(1024);
        }
    }

    /** Probes the capacity: the oldest position still held after a failure at a far position. */
    private static long capacityOf(int calls, boolean slowCalls) {
        MarkedPositions positions = new MarkedPositions(calls, slowCalls);
        positions.add(-1, 10_000, true, false);
        long from = 10_000;
        while (true) {
            try {
                positions.count(FAILED, from - 1, 10_000);
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
                checkAgainstList(calls, new Random(seed), false);
            }
        }
    }

    @Test
    void countsTheFailuresAndTheSlowCallsFromAPositionAgainstAPlainList() {
        for (int calls : new int[] {1, 7, 64, 100, 129, 1000}) {
            for (long seed = 0; seed < 20; seed++) {
                checkAgainstList(calls, new Random(seed), true);
            }
        }
    }

    private record Marked(long position, boolean failed, boolean slow) {
    }

    private static void checkAgainstList(int calls, Random random, boolean slowCalls) {
        MarkedPositions positions = new MarkedPositions(calls, slowCalls);
        List<Marked> marked = new ArrayList<>();
        long position = random.nextInt(3);
        long latest = -1;
        int percent = new int[] {1, 10, 50, 90, 100}[random.nextInt(5)];
        for (int step = 0; step < 5_000; step++) {
            // Mostly short gaps, sometimes one longer than the bitmap: its old bits must not come back.
            position += random.nextInt(100) < percent ? 1 : 1 + random.nextInt(random.nextInt(20) == 0 ? 5_000 : 5);
            // A slow success, a slow failure or a plain failure: each clears what the other plane held.
            int kind = slowCalls ? random.nextInt(3) : 0;
            boolean failed = kind != 1;
            boolean slow = kind != 0;
            positions.add(latest, position, failed, slow);
            latest = position;
            marked.add(new Marked(position, failed, slow));
            long from = position - random.nextInt(calls);
            long failures = 0;
            long slowOnes = 0;
            for (int i = marked.size() - 1; i >= 0 && marked.get(i).position() >= from; i--) {
                failures += marked.get(i).failed() ? 1 : 0;
                slowOnes += marked.get(i).slow() ? 1 : 0;
            }
            assertThat(positions.count(FAILED, from, latest))
                    .as("calls %d, failures from %d up to %d", calls, from, position).isEqualTo(failures);
            assertThat(positions.count(SLOW, from, latest))
                    .as("calls %d, slow calls from %d up to %d", calls, from, position).isEqualTo(slowOnes);
        }
    }

    @Test
    void countsNothingAfterTheLatestMarkedCall() {
        MarkedPositions positions = new MarkedPositions(100, true);
        assertThat(positions.count(FAILED, 0, -1)).isZero();
        positions.add(-1, 5, true, false);
        positions.add(5, 7, false, true);
        assertThat(positions.count(FAILED, 8, 7)).isZero();
        assertThat(positions.count(FAILED, 5, 7)).isEqualTo(1);
        assertThat(positions.count(SLOW, 5, 7)).isEqualTo(1);
        assertThat(positions.count(FAILED, 6, 7)).isZero();
        assertThat(positions.count(SLOW, 0, 5)).isZero();
    }

    @Test
    void aSlowCallTakesTheSlotOfAFailureOneLapBefore() {
        MarkedPositions positions = new MarkedPositions(64, true);
        positions.add(-1, 0, true, false);
        positions.add(0, 64, false, true); // same bit as position 0, one lap later
        assertThat(positions.count(FAILED, 1, 64)).isZero();
        assertThat(positions.count(SLOW, 1, 64)).isEqualTo(1);
    }

    @Test
    void countsNoSlowCallsWithoutTheirPlaneAndRefusesToRecordOne() {
        MarkedPositions positions = new MarkedPositions(100, false);
        positions.add(-1, 3, true, false);
        assertThat(positions.count(SLOW, 0, 3)).isZero();
        assertThatThrownBy(() -> positions.add(3, 4, false, true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAPositionThatDoesNotComeAfterTheLatest() {
        MarkedPositions positions = new MarkedPositions(100, false);
        positions.add(-1, 5, true, false);
        assertThatThrownBy(() -> positions.add(5, 5, true, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> positions.add(5, 4, true, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
