package dev.breaker.llm.conformance;

import java.util.Locale;

/** A door that speaks either dialect: its provider is named after the door and the dialect ("wc-openai"). */
abstract class DialectDoor implements Door {

    final Dialect dialect;
    private final String provider;

    DialectDoor(String door, Dialect dialect) {
        this.dialect = dialect;
        this.provider = door + "-" + dialect.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public final String provider() {
        return provider;
    }

    @Override
    public final Dialect dialect() {
        return dialect;
    }
}
