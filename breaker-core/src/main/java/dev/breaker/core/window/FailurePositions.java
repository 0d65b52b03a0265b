package dev.breaker.core.window;

/**
 * Which of the latest calls failed, by position: call {@code p} is the {@code p}-th call the window
 * recorded (from 0, successes and failures alike). A circular bitmap of {@code capacity} bits, a power
 * of two of at least 64, holds one bit per position. Not thread-safe: its window uses it under a lock.
 *
 * <p>Successes never touch it. A failure clears the bits of the positions between the previous
 * failure and itself (successes, or leftovers of an earlier lap around the bitmap) before it sets
 * its own, so the bits of the last {@code capacity} positions up to the latest failure are always
 * exact. 100 calls take two {@code long}s.
 */
final class FailurePositions {

    private final long[] words;
    private final long capacity;
    private final int wordMask;
    private long last = -1;

    /** Room for at least {@code calls} positions. */
    FailurePositions(int calls) {
        int bits = Math.max(Long.SIZE, Integer.highestOneBit(Math.max(1, calls - 1)) << 1);
        this.words = new long[bits / Long.SIZE];
        this.capacity = bits;
        this.wordMask = words.length - 1;
    }

    /** Records a failure at {@code position}, which must come after every failure recorded before. */
    void add(long position) {
        if (position <= last) {
            throw new IllegalArgumentException("position " + position + " does not come after " + last);
        }
        if (position - last > capacity) {
            java.util.Arrays.fill(words, 0L);
        } else if (position - last > 1) {
            clear(last + 1, position - 1);
        }
        words[word(position)] |= 1L << position;
        last = position;
    }

    /** The position of the latest failure, or -1 when none was recorded. */
    long last() {
        return last;
    }

    /**
     * The failures at positions {@code from} and after; {@code from} must lie within the last
     * {@code capacity} positions up to {@link #last()} (any position of a window of at most
     * {@code capacity} calls that ends after it does).
     */
    int countFrom(long from) {
        if (from > last) {
            return 0;
        }
        if (from <= last - capacity) {
            throw new IllegalArgumentException("position " + from + " is no longer held (latest " + last + ")");
        }
        int count = 0;
        for (long p = from; p <= last; ) {
            long end = Math.min(last, p | (Long.SIZE - 1));
            count += Long.bitCount(words[word(p)] & mask(p, end));
            p = end + 1;
        }
        return count;
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
