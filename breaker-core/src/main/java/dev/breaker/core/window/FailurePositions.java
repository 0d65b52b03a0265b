package dev.breaker.core.window;

import java.util.Arrays;

/**
 * Which of the latest calls failed, by position: call {@code p} is the {@code p}-th call the window
 * recorded (from 0, successes and failures alike). A circular bitmap of {@code capacity} bits, a power
 * of two of at least 64, holds one bit per position. Not thread-safe: its window uses it under a lock.
 *
 * <p>Successes never touch it. A failure clears the bits of the positions between the previous
 * failure and itself (successes, or leftovers of an earlier lap around the bitmap) before it sets
 * its own, so the bits of the last {@code capacity} positions up to the latest failure are always
 * exact. 100 calls take two {@code long}s.
 *
 * <p>The caller keeps the latest failure's position: this object's fields never change after it is
 * built, and a failure writes only the bitmap's cache line (the window's lock and counts are in
 * another one), which matters when threads on several cores fail in turn.
 */
final class FailurePositions {

    private final long[] words;
    private final int wordMask;

    /** Room for at least {@code calls} positions. */
    FailurePositions(int calls) {
        int bits = Math.max(Long.SIZE, Integer.highestOneBit(Math.max(1, calls - 1)) << 1);
        this.words = new long[bits / Long.SIZE];
        this.wordMask = words.length - 1;
    }

    /**
     * Records a failure at {@code position}; {@code latest} is the latest failure recorded before it
     * (-1 for none), which it must come after.
     */
    void add(long latest, long position) {
        if (position <= latest) {
            throw new IllegalArgumentException("position " + position + " does not come after " + latest);
        }
        if (position - latest > capacity()) {
            Arrays.fill(words, 0L);
        } else if (position - latest > 1) {
            clear(latest + 1, position - 1);
        }
        words[word(position)] |= 1L << position;
    }

    /**
     * The failures at positions {@code from} to {@code latest}, the latest failure recorded (-1 for
     * none); {@code from} must lie within the last {@code capacity} positions up to {@code latest}
     * (any position of a window of at most {@code capacity} calls that ends after it does).
     */
    int count(long from, long latest) {
        if (from > latest) {
            return 0;
        }
        if (from <= latest - capacity()) {
            throw new IllegalArgumentException("position " + from + " is no longer held (latest " + latest + ")");
        }
        int count = 0;
        for (long p = from; p <= latest; ) {
            long end = Math.min(latest, p | (Long.SIZE - 1));
            count += Long.bitCount(words[word(p)] & mask(p, end));
            p = end + 1;
        }
        return count;
    }

    /** Derived rather than kept: a breaker's memory is counted in bytes (see IdleBreakerFootprint). */
    private long capacity() {
        return (long) words.length * Long.SIZE;
    }

    private void clear(long from, long to) {
        for (long p = from; p <= to; ) {
            long end = Math.min(to, p | (Long.SIZE - 1));
            words[word(p)] &= ~mask(p, end);
            p = end + 1;
        }
    }

    private int word(long position) {
        return (int) (position >>> 6) & wordMask;
    }

    /** The bits of positions {@code from} to {@code to}, both within one word. */
    private static long mask(long from, long to) {
        long upToTo = (to & (Long.SIZE - 1)) == Long.SIZE - 1 ? -1L : (1L << (to + 1)) - 1;
        return upToTo & (-1L << from);
    }
}
