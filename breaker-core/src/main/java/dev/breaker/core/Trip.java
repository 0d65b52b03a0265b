package dev.breaker.core;

import dev.breaker.core.window.WindowCounts;

/**
 * What a breaker remembers of a trip while it is OPEN and then HALF_OPEN; it travels from one state
 * to the next, which is how the backoff survives the probes in between.
 *
 * @param consecutive trips in a row without recovery: 1 for the first since the breaker last
 *                    closed, one more for each failed probe round (the backoff's exponent)
 * @param reason why the breaker opened, as the endpoint shows it
 * @param counts the window when the breaker tripped, as the endpoint shows it until it closes
 */
record Trip(int consecutive, TransitionReason reason, WindowCounts counts) {

    static Trip first(TransitionReason reason, WindowCounts counts) {
        return new Trip(1, reason, counts);
    }

    /** A failed probe trips again: one more in a row, with the window of the first trip. */
    Trip again(TransitionReason reason) {
        return new Trip(consecutive + 1, reason, counts);
    }
}
