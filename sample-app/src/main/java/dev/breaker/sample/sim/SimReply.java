package dev.breaker.sample.sim;

import java.util.Map;

/**
 * A simulated error answer: status, headers and a JSON body in the provider's shape.
 *
 * @param status the HTTP status, such as 429 or 529
 * @param headers extra response headers, such as {@code retry-after}
 * @param body the JSON body
 */
record SimReply(int status, Map<String, String> headers, Map<String, Object> body) {
}
