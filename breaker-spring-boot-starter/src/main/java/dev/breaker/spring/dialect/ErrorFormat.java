package dev.breaker.spring.dialect;

import java.util.Locale;

/** The JSON shape of an inbound rejection, so that clients of a provider can parse it. */
public enum ErrorFormat {

    /** Anthropic's shape, {@code {"type":"error","error":{"type":…,"message":"…"}}}, of type {@link ErrorTypes#OVERLOADED}. */
    ANTHROPIC,

    /** {@code {"error":{"message":"…","type":"server_error","param":null,"code":"circuit_breaker_open"}}} */
    OPENAI,

    /** RFC 9457 {@code application/problem+json}. */
    PROBLEM;

    /** The format named in configuration, or null if unknown. */
    public static ErrorFormat fromName(String name) {
        for (ErrorFormat format : values()) {
            if (format.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return format;
            }
        }
        return null;
    }
}
