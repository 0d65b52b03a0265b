package dev.breaker.core.window;

/**
 * The calls and failures a window holds at one moment: a plain value that trip rules judge.
 */
public record WindowCounts(int calls, int failures) {

    public static final WindowCounts EMPTY = new WindowCounts(0, 0);

    public WindowCounts {
        if (calls < 0 || failures < 0 || failures > calls) {
            throw new IllegalArgumentException("invalid counts: " + failures + " failures of " + calls + " calls");
        }
    }

    public double failureRate() {
        return calls == 0 ? 0.0 : (double) failures / calls;
    }

    public WindowCounts plus(WindowCounts other) {
        return other.calls == 0 ? this : new WindowCounts(calls + other.calls, failures + other.failures);
    }
}
