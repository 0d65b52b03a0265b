package dev.breaker.core.window;

/**
 * A window's counts packed into one {@code long}, 21 bits each: calls, failures, slow calls. The
 * window hands its counts out this way on the paths of calls, and the breaker judges them unpacked
 * into ints, so that recording and judging a call allocate nothing whatever the JIT inlines: a
 * {@link WindowCounts} returned from the window was scalar-replaced only when everything up to the
 * trip rule was inlined, which some JIT runs did not do (24 B per failure). {@link WindowCounts} is
 * the value everywhere else.
 */
public final class PackedCounts {

    /** Nothing to judge: a plain success that cannot make a rule hold. */
    public static final long NONE = -1;
    /** The most calls a window may hold (a {@code window-size} above it is refused). */
    public static final int MAX_CALLS = (1 << 21) - 1;

    private static final int BITS = 21;
    private static final long MASK = MAX_CALLS;

    private PackedCounts() {
    }

    /** Each count from 0 to {@link #MAX_CALLS}. */
    public static long of(int calls, int failures, int slowCalls) {
        return (long) calls << 2 * BITS | (long) failures << BITS | slowCalls;
    }

    public static int calls(long packed) {
        return (int) (packed >>> 2 * BITS);
    }

    public static int failures(long packed) {
        return (int) (packed >>> BITS & MASK);
    }

    public static int slowCalls(long packed) {
        return (int) (packed & MASK);
    }

    /** The counts as a value, or null for {@link #NONE}. */
    public static WindowCounts toCounts(long packed) {
        return packed == NONE ? null : new WindowCounts(calls(packed), failures(packed), slowCalls(packed));
    }
}
