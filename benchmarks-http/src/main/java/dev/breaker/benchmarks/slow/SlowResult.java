package dev.breaker.benchmarks.slow;

/**
 * What one breaker did with the slow phase.
 *
 * @param label the contender
 * @param healthyRefused calls refused while the provider was healthy (false rejections)
 * @param opensWhileHealthy times it opened while the provider was healthy
 * @param openedAfterMillis how long after the slow phase began it first refused calls, or -1 if never
 * @param ttftAtOpen the provider's time to first token when it first refused calls, or -1
 * @param admittedSlow calls admitted in the slow phase whose first token came after the slow threshold
 * @param admittedInSlowPhase every call admitted in the slow phase
 * @param refusedAfterRecovery calls refused once the provider had recovered
 */
record SlowResult(String label, int healthyRefused, int opensWhileHealthy, long openedAfterMillis, long ttftAtOpen,
                  int admittedSlow, int admittedInSlowPhase, int refusedAfterRecovery) {
}
