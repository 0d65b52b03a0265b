package dev.breaker.benchmarks.slow;

/** A breaker as the slow-phase simulation drives it, on its virtual clock. */
interface SlowContender {

    String label();

    /** Asks for a call at the clock's current time; null when the breaker refuses it. */
    Object admit();

    /** The call admitted as {@code permit} has ended: its first token came after {@code ttft} ms, its last after {@code total} ms. */
    void ended(Object permit, long ttft, long total);

    /** When the call reports, after its start: at its end, or (a probe of ours) at its first token. */
    default long reportsAfter(Object permit, long ttft, long total) {
        return total;
    }

    /** Whether the breaker refuses calls now. */
    boolean refusing();
}
