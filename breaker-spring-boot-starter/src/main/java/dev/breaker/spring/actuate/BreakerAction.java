package dev.breaker.spring.actuate;

import dev.breaker.core.Breaker;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** What an operator can do to a breaker through the endpoint. */
enum BreakerAction {

    /** Rejects every call until {@link #RESET}. */
    FORCE_OPEN("force-open", Breaker::forceOpen),

    /** Admits every call, and no rule trips, until {@link #RESET}. */
    FORCE_CLOSED("force-closed", Breaker::forceClosed),

    /** Back to CLOSED with an empty window, whatever the state. */
    RESET("reset", Breaker::reset);

    private final String code;
    private final Consumer<Breaker> apply;

    BreakerAction(String code, Consumer<Breaker> apply) {
        this.code = code;
        this.apply = apply;
    }

    void applyTo(Breaker breaker) {
        apply.accept(breaker);
    }

    /** The action named {@code code}, or null. */
    static BreakerAction of(String code) {
        if (code == null) {
            return null;
        }
        for (BreakerAction action : values()) {
            if (action.code.equals(code)) {
                return action;
            }
        }
        return null;
    }

    static String codes() {
        return String.join(", ", codeList());
    }

    static List<String> codeList() {
        return Arrays.stream(values()).map(action -> action.code).toList();
    }
}
