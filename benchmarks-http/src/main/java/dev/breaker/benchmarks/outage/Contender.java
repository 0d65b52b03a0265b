package dev.breaker.benchmarks.outage;

import java.util.List;

/** One library under test, as the callers see it: a label, one breaker per replica, and its record. */
record Contender(String label, List<Replica> replicas, Recorder recorder) {
}
