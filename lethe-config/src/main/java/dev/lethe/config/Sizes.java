package dev.lethe.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size syntax of Lethe's config: a whole number of bytes with an optional unit. Binary units
 * {@code KiB MiB GiB TiB} are powers of 1024, decimal units {@code KB MB GB TB} powers of 1000, {@code B} or
 * no unit means bytes: {@code 512KiB}, {@code 64MiB}, {@code 4GiB}, {@code 10MB}, {@code 4096}.
 *
 * <p>Units are case-sensitive: {@code Gb} would be gigabits elsewhere, and a cap read eight times too large
 * keeps data that should have gone (or the reverse), so it is rejected instead of guessed.
 */
public final class Sizes {

    private static final Map<String, Long> UNITS = new LinkedHashMap<>();

    static {
        UNITS.put("", 1L);
        UNITS.put("B", 1L);
        UNITS.put("KiB", 1L << 10);
        UNITS.put("MiB", 1L << 20);
        UNITS.put("GiB", 1L << 30);
        UNITS.put("TiB", 1L << 40);
        UNITS.put("KB", 1_000L);
        UNITS.put("MB", 1_000_000L);
        UNITS.put("GB", 1_000_000_000L);
        UNITS.put("TB", 1_000_000_000_000L);
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)([A-Za-z]*)");
    private static final String EXAMPLES = "use e.g. 512KiB, 64MiB, 4GiB, 10MB or a number of bytes";

    private Sizes() {
    }

    /**
     * Parses {@code text} into a number of bytes.
     *
     * @throws IllegalArgumentException naming the text and the accepted syntax
     */
    public static long parse(String text) {
        Matcher size = SIZE.matcher(text == null ? "" : text);
        if (!size.matches() || !UNITS.containsKey(size.group(2))) {
            throw new IllegalArgumentException("'" + text + "' is not a size; " + EXAMPLES);
        }
        try {
            return Math.multiplyExact(Long.parseLong(size.group(1)), UNITS.get(size.group(2)));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large a size", e);
        }
    }

    /** Formats {@code bytes} with the largest binary unit that divides it exactly, e.g. {@code 64MiB}. */
    public static String format(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size must not be negative: " + bytes);
        }
        String[] binary = {"TiB", "GiB", "MiB", "KiB"};
        for (String unit : binary) {
            long factor = UNITS.get(unit);
            if (bytes != 0 && bytes % factor == 0) {
                return bytes / factor + unit;
            }
        }
        return bytes + "B";
    }
}
