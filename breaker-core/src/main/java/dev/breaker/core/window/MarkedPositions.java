package dev.breaker.core.window;

import java.util.Arrays;

/**
 * Which of the latest calls failed and, where slow calls are judged, which were slow, by position:
 * call {@code p} is the {@code p}-th call the window recorded (from 0, every kind alike). A
 * <em>marked</em> call is one recorded here: a failure or a slow call. Circular bitmaps of
 * {@code capacity} bits, a power of two of at least 64, hold one bit per position: one plane for
 * failures and, with slow calls, one for slow calls. Not thread-safe: its window uses it under a lock.
 *
 * <p>Plain successes never touch it. A marked call clears the bits of the positions between the
 * previous marked call and itself (plain successes, or leftovers of an earlier lap around the
 * bitmap), in every plane, before it writes its own, so the bits of the last {@code capacity}
 * positions up to the latest marked call are always exact. 100 calls take two {@code long}s per plane.
 *
 * <p>The two planes are interleaved, word by word ({@code words[2w]} failures, {@code words[2w + 1]}
 * slow calls): the words a call writes share a cache line. Without slow calls there is one plane
 * and the layout is a plain bitmap of failures.
 *
 * <p>The caller keeps the latest marked position: this object's fields never change after it is
 * built, and a marked call writes only the bitmap's cache line (the window's lock and counts are in
 * another one), which matters when threads on several cores fail in turn.
 */
final class MarkedPositions {

    static final int FAILED = 0;
    static final int SLOW = 1;

    private final long[] words;
    private final int wordMask;
    /** 0: failures only; 1: failures and slow calls, interleaved. */
    private final int planeShift;

    /** Room for at least {@code calls} positions, with a plane for slow calls if {@code slowCalls}. */
    MarkedPositions(int calls, boolean slowCalls) {
        int bits = Math.max(Long.SIZE, Integer.highestOneBit(Math.max(1, calls - 1)) << 1);
        this.planeShift = slowCalls ? 1 : 0;
        this.words = new long[(bits / Long.SIZE) << planeShift];
        this.wordMask = bits / Long.SIZE - 1;
    }

    /**
     * Records a marked call at {@code position}; {@code latest} is the latest marked call recorded
     * before it (-1 for none), which it must come after.
     */
    void add(long latest, long position, boolean failed, boolean slow) {
        if (position <= latest) {
            throw new IllegalArgumentException("position " + position + " does not come after " + latest);
        }
        if (slow && planeShift == 0) {
            throw new IllegalStateException("this window does not judge slow calls");
        }
        if (position - latest > capacity()) {
            Arrays.fill(words, 0L);
        } else if (position - latest > 1) {
            clear(latest + 1, position - 1);
        }
        // The position's own bits may still hold the call one lap before it: write both planes.
        int failures = index(position, FAILED);
        long bit = 1L << position;
        words[failures] = failed ? words[failures] | bit : words[failures] & ~bit;
        if (planeShift != 0) {
            int slowCalls = failures + SLOW;
            words[slowCalls] = slow ? words[slowCalls] | bit : words[slowCalls] & ~bit;
        }
    }

    /**
     * The calls marked in {@code plane} at positions {@code from} to {@code latest}, the latest marked
     * call recorded (-1 for none); {@code from} must lie within the last {@code capacity} positions up
     * to {@code latest} (any position of a window of at most {@code capacity} calls that ends after it does).
     */
    int count(int plane, long from, long latest) {
        if (from > latest || plane > planeShift) {
            return 0;
        }
        if (from <= latest - capacity()) {
            throw new IllegalArgumentException("position " + from + " is no longer held (latest " + latest + ")");
        }
        int count = 0;
        for (long p = from; p <= latest; ) {
            long end = Math.min(latest, p | (Long.SIZE - 1));
            count += Long.bitCount(words[index(p, plane)] & mask(p, end));
            p = end + 1;
        }
        return count;
    }

    /** Derived rather than kept: a breaker's memory is counted in bytes (see IdleBreakerFootprint). */
    private long capacity() {
        return (long) (wordMask + 1) * Long.SIZE;
    }

    private void clear(long from, long to) {
        for (long p = from; p <= to; ) {
            long end = Math.min(to, p | (Long.SIZE - 1));
            long keep = ~mask(p, end);
            int failures = index(p, FAILED);
            words[failures] &= keep;
            if (planeShift != 0) {
                words[failures + SLOW] &= keep;
            }
            p = end + 1;
        }
    }

    private int index(long position, int plane) {
        return ((int) (position >>> 6) & wordMask) << planeShift | plane;
    }

    /** The bits of positions {@code from} to {@code to}, both within one word. */
    private static long mask(long from, long to) {
        long upToTo = (to & (Long.SIZE - 1)) == Long.SIZE - 1 ? -1L : (1L << (to + 1)) - 1;
        return upToTo & (-1L << from);
    }
}
