package dev.breaker.sample.sim;

/**
 * How one simulated provider behaves for an endpoint and a model; a null endpoint or model means
 * any. Sent as JSON to {@code PUT /sim/control/{provider}}, for example
 * {@code {"mode":"rate-limited","retryAfterSeconds":20,"model":"gpt-4o"}}.
 *
 * @param mode how to answer
 * @param endpoint the path below the provider, such as {@code /v1/messages}, or null for any
 * @param model the request's {@code model}, or null for any
 * @param retryAfterSeconds the {@code retry-after} of a 429 (1–3600)
 * @param failurePercent how many calls fail in mode {@code flaky} (0–100)
 * @param delayMillis how long mode {@code slow} waits before answering, and mode {@code sluggish} before
 *     its first token (0–60000)
 */
public record SimRule(SimMode mode, String endpoint, String model, Integer retryAfterSeconds,
                      Integer failurePercent, Integer delayMillis) {

    static final int DEFAULT_RETRY_AFTER_SECONDS = 10;
    static final int DEFAULT_FAILURE_PERCENT = 50;
    /** Beyond the gateway's default 3 s timeout, so that a slow provider times out there. */
    static final int DEFAULT_DELAY_MILLIS = 5_000;
    /** Beyond the sample's slow-call-duration (1 s), within the gateway's timeout: slow, yet every answer 200. */
    static final int DEFAULT_SLUGGISH_MILLIS = 1_500;

    public SimRule {
        mode = mode == null ? SimMode.HEALTHY : mode;
        endpoint = blankToNull(endpoint);
        model = blankToNull(model);
        retryAfterSeconds = within("retryAfterSeconds", retryAfterSeconds, DEFAULT_RETRY_AFTER_SECONDS, 1, 3600);
        failurePercent = within("failurePercent", failurePercent, DEFAULT_FAILURE_PERCENT, 0, 100);
        delayMillis = within("delayMillis", delayMillis,
                mode == SimMode.SLUGGISH ? DEFAULT_SLUGGISH_MILLIS : DEFAULT_DELAY_MILLIS, 0, 60_000);
    }

    public static SimRule healthy() {
        return new SimRule(SimMode.HEALTHY, null, null, null, null, null);
    }

    /** Whether this rule covers a call; null means any. */
    boolean covers(String callEndpoint, String callModel) {
        return (endpoint == null || endpoint.equals(callEndpoint)) && (model == null || model.equals(callModel));
    }

    /** More specific rules win: endpoint and model, then endpoint, then model, then neither. */
    int specificity() {
        return (endpoint != null ? 2 : 0) + (model != null ? 1 : 0);
    }

    boolean sameTarget(SimRule other) {
        return java.util.Objects.equals(endpoint, other.endpoint) && java.util.Objects.equals(model, other.model);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || value.equals("*") ? null : value.trim();
    }

    private static Integer within(String name, Integer value, int fallback, int min, int max) {
        int actual = value == null ? fallback : value;
        if (actual < min || actual > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + actual);
        }
        return actual;
    }
}
