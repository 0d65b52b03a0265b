package dev.breaker.core;

/**
 * Whether a store reaches its backend.
 *
 * @param type {@code memory} or {@code redis}
 * @param connected whether the backend answers (always true in memory)
 * @param detail a short human-readable detail, such as the last error, or null
 */
public record StoreStatus(String type, boolean connected, String detail) {

    public static final StoreStatus MEMORY = new StoreStatus("memory", true, null);
}
