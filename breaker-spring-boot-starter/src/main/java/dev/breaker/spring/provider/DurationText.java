package dev.breaker.spring.provider;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the way users write them in configuration ({@code 30s}, {@code -5s}, {@code 5m}),
 * not as the ISO-8601 text {@code Duration.toString()} gives ({@code PT30S}), so that messages quote
 * values the user recognises.
 */
public final class DurationText {

    private static final Pattern ISO_DURATION = Pattern.compile("-?PT[-0-9.HMS]+");

    private static final long[] SIZES = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L,
            1_000_000_000L, 1_000_000L, 1_000L};
    private static final String[] UNITS = {"d", "h", "m", "s", "ms", "us"};

    private DurationText() {
    }

    /** The largest unit that states the duration exactly: {@code 30s}, {@code 5m}, {@code 1500ms}, {@code -5s}. */
    public static String of(Duration duration) {
        try {
            long nanos = duration.toNanos();
            for (int i = 0; i < SIZES.length; i++) {
                if (nanos % SIZES[i] == 0) {
                    return (nanos / SIZES[i]) + UNITS[i];
                }
            }
            return nanos + "ns";
        } catch (ArithmeticException tooLong) {
            return duration.toString();
        }
    }

    /** A value for a message: a duration as {@link #of(Duration)} writes it, anything else as it is. */
    public static String value(Object value) {
        return value instanceof Duration duration ? of(duration) : String.valueOf(value);
    }

    /** Rewrites the ISO-8601 durations in a message ({@code PT30S}) as {@link #of(Duration)} writes them. */
    public static String humanize(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = ISO_DURATION.matcher(message);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            try {
                replacement = of(Duration.parse(matcher.group()));
            } catch (RuntimeException notADuration) {
                replacement = matcher.group();
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(text).toString();
    }
}
