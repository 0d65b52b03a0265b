package dev.breaker.core.classify;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long an upstream asks us to wait. In order of precedence:
 * <ol>
 *   <li>{@code retry-after-ms} (milliseconds, OpenAI);</li>
 *   <li>{@code Retry-After}: delta-seconds or an HTTP-date (RFC 9110);</li>
 *   <li>for a 429 without either: the providers' rate-limit reset headers, the latest reset among
 *       the exhausted limits ({@code *-remaining: 0}), else the latest of all:
 *       {@code anthropic-ratelimit-*-reset} (RFC 3339 time) and {@code x-ratelimit-reset-*}
 *       (a duration such as {@code 1s}, {@code 6m0s} or {@code 250ms}).</li>
 * </ol>
 * A malformed or negative value is ignored, an absurd one is clamped to {@link #MAX}; nothing here throws.
 */
public final class RetryAfterParser {

    /** No upstream hint is believed beyond a day; the breaker caps it further at max-open-duration. */
    public static final Duration MAX = Duration.ofDays(1);

    private static final String[] ANTHROPIC_LIMITS = {"requests", "tokens", "input-tokens", "output-tokens"};
    private static final String[] OPENAI_LIMITS = {"requests", "tokens"};
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private RetryAfterParser() {
    }

    /**
     * The wait the response asks for, or null when it names none.
     *
     * @param status the response status: reset headers only stand in for Retry-After on a 429
     * @param nowMillis wall-clock now, to turn dates into durations
     */
    public static Duration parse(int status, ResponseHeaders headers, long nowMillis) {
        Duration millis = parseMillis(headers.get("retry-after-ms"));
        if (millis != null) {
            return millis;
        }
        Duration retryAfter = parseRetryAfter(headers.get("Retry-After"), nowMillis);
        if (retryAfter != null || status != 429) {
            return retryAfter;
        }
        return rateLimitReset(headers, nowMillis);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP-date; null when absent or malformed. */
    public static Duration parseRetryAfter(String value, long nowMillis) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (isDigits(text)) {
            return clamp(seconds(text));
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            return clamp(Duration.ofMillis(Math.max(0, date.toInstant().toEpochMilli() - nowMillis)));
        } catch (DateTimeParseException | ArithmeticException malformed) {
            return null;
        }
    }

    static Duration parseMillis(String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        try {
            double millis = Double.parseDouble(text);
            if (!Double.isFinite(millis) || millis < 0) {
                return null;
            }
            return clamp(Duration.ofNanos((long) Math.min(millis * 1_000_000, MAX.toNanos() + 1.0)));
        } catch (NumberFormatException malformed) {
            return null;
        }
    }

    private static Duration rateLimitReset(ResponseHeaders headers, long nowMillis) {
        Duration latestExhausted = null;
        Duration latest = null;
        for (String limit : ANTHROPIC_LIMITS) {
            Duration reset = parseRfc3339(headers.get("anthropic-ratelimit-" + limit + "-reset"), nowMillis);
            boolean exhausted = "0".equals(trim(headers.get("anthropic-ratelimit-" + limit + "-remaining")));
            latest = later(latest, reset);
            latestExhausted = exhausted ? later(latestExhausted, reset) : latestExhausted;
        }
        for (String limit : OPENAI_LIMITS) {
            Duration reset = parseGoDuration(headers.get("x-ratelimit-reset-" + limit));
            boolean exhausted = "0".equals(trim(headers.get("x-ratelimit-remaining-" + limit)));
            latest = later(latest, reset);
            latestExhausted = exhausted ? later(latestExhausted, reset) : latestExhausted;
        }
        return latestExhausted != null ? latestExhausted : latest;
    }

    static Duration parseRfc3339(String value, long nowMillis) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long at = OffsetDateTime.parse(value.trim()).toInstant().toEpochMilli();
            return clamp(Duration.ofMillis(Math.max(0, at - nowMillis)));
        } catch (DateTimeParseException | ArithmeticException malformed) {
            return null;
        }
    }

    /** A Go-style duration ({@code 1s}, {@code 6m0s}, {@code 1h2m3.5s}, {@code 250ms}); null when malformed. */
    static Duration parseGoDuration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        Matcher matcher = GO_DURATION.matcher(text);
        double nanos = 0;
        int position = 0;
        while (matcher.find()) {
            if (matcher.start() != position) {
                return null;
            }
            double amount = Double.parseDouble(matcher.group(1));
            nanos += amount * switch (matcher.group(2)) {
                case "h" -> 3_600e9;
                case "m" -> 60e9;
                case "s" -> 1e9;
                default -> 1e6;
            };
            position = matcher.end();
        }
        if (position == 0 || position != text.length() || !Double.isFinite(nanos)) {
            return null;
        }
        return clamp(Duration.ofNanos((long) Math.min(nanos, MAX.toNanos() + 1.0)));
    }

    private static Duration seconds(String digits) {
        // More than 19 digits would overflow a long: far beyond MAX anyway.
        return digits.length() > 12 ? MAX.plusSeconds(1) : Duration.ofSeconds(Long.parseLong(digits));
    }

    private static Duration clamp(Duration duration) {
        return duration.compareTo(MAX) > 0 ? MAX : duration;
    }

    private static Duration later(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
