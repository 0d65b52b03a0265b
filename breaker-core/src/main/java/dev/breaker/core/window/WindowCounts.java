package dev.breaker.core.window;

/**
 * The calls, failures and slow calls a window holds at one moment: a plain value that trip rules
 * judge. A slow call is also a success or a failure, so {@code slowCalls} never exceeds {@code calls}.
 */
public record WindowCounts(int calls, int failures, int slowCalls) {

    public static final WindowCounts EMPTY = new WindowCounts(0, 0, 0);

    public WindowCounts {
        if (calls < 0 || failures < 0 || failures > calls || slowCalls < 0 || slowCalls > calls) {
            throw new IllegalArgumentException("invalid counts: " + failures + " failures and " + slowCalls
                    + " slow calls of " + calls + " calls");
        }
    }

    /** Counts of a window that judges no slow calls. */
    public WindowCounts(int calls, int failures) {
        this(calls, failures, 0);
    }

    public double failureRate() {
        return calls == 0 ? 0.0 : (double) failures / calls;
    }

    public double slowCallRate() {
        return calls == 0 ? 0.0 : (double) slowCalls / calls;
    }

    public WindowCounts plus(WindowCounts other) {
        return other.calls == 0 ? this
                : new WindowCounts(calls + other.calls, failures + other.failures, slowCalls + other.slowCalls);
    }
}
