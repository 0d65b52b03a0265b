package dev.breaker.core;

/** What a finished call means for the breaker. */
public enum Outcome {

    /** The upstream served the call. */
    SUCCESS,

    /** The upstream is overloaded, rate-limiting or unreachable. */
    FAILURE,

    /** Says nothing about the upstream (a 4xx, a cancelled call): counts for nothing, in any state. */
    IGNORED
}
