package dev.breaker.core.classify;

import java.util.Map;
import java.util.TreeMap;

/** Case-insensitive access to a response's headers, whatever HTTP client produced them. */
@FunctionalInterface
public interface ResponseHeaders {

    ResponseHeaders NONE = name -> null;

    /** The first value of the header, or null when absent. */
    String get(String name);

    static ResponseHeaders of(Map<String, String> headers) {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        return caseInsensitive::get;
    }
}
