package dev.lethe.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of Lethe's config: a number and a unit, {@code 500ms 30s 5m 1h 7d}, or several of them
 * from the largest unit to the smallest, {@code 1h30m}, {@code 2d12h}. No spaces, no fractions, no sign.
 *
 * <p>A bare number is rejected rather than read as seconds or milliseconds: for an age that decides what is
 * deleted, guessing the unit is how a 90-day retention becomes a 90-second one.
 */
public final class Durations {

    private static final List<String> UNITS = List.of("d", "h", "m", "s", "ms");
    private static final List<ChronoUnit> CHRONO = List.of(
            ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS, ChronoUnit.MILLIS);
    // "ms" before "m" and "s" so that 500ms is not read as 500m followed by a stray s.
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");
    private static final String EXAMPLES = "use e.g. 500ms, 30s, 5m, 1h, 7d or 1h30m";

    private Durations() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the text and the accepted syntax
     */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a duration must not be empty; " + EXAMPLES);
        }
        if (text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text + "' needs a unit; " + EXAMPLES);
        }
        Matcher part = PART.matcher(text);
        Duration total = Duration.ZERO;
        int position = 0;
        int previousUnit = -1;
        while (position < text.length()) {
            part.region(position, text.length());
            if (!part.lookingAt()) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; " + EXAMPLES);
            }
            int unit = UNITS.indexOf(part.group(2));
            if (unit <= previousUnit) {
                throw new IllegalArgumentException("'" + text + "' is not a duration: write units from the largest"
                        + " to the smallest, each once, e.g. 1h30m");
            }
            total = total.plus(amount(text, part.group(1), CHRONO.get(unit)));
            previousUnit = unit;
            position = part.end();
        }
        return total;
    }

    private static Duration amount(String text, String digits, ChronoUnit unit) {
        try {
            return unit.getDuration().multipliedBy(Long.parseLong(digits));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
        }
    }

    /** Formats {@code duration} in the same syntax, e.g. {@code 1h30m}; {@code 0s} for zero. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative durations have no config syntax: " + duration);
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        Duration rest = duration.truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < UNITS.size(); i++) {
            long count = rest.dividedBy(CHRONO.get(i).getDuration());
            if (count > 0) {
                text.append(count).append(UNITS.get(i));
                rest = rest.minus(CHRONO.get(i).getDuration().multipliedBy(count));
            }
        }
        return text.length() == 0 ? "0s" : text.toString();
    }
}
