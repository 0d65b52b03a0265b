package dev.breaker.benchmarks.outage;

/**
 * One way to keep answering while the primary upstream fails, as the failover run's callers see it:
 * ask, and get an answer from the primary or the fallback upstream, or an error.
 */
interface FailoverContender {

    String label();

    /** The record of the primary's side (requests it received, its breaker's state changes). */
    Recorder primary();

    /**
     * Asks for one answer and waits for it.
     *
     * @return whether the fallback upstream answered (else the primary did)
     * @throws RuntimeException what the caller gets when there is no answer
     */
    boolean ask();
}
