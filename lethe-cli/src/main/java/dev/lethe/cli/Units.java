package dev.lethe.cli;

import java.time.Duration;
import java.util.Locale;

/** How the CLI writes counts, sizes and durations for people. */
final class Units {

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Units() {
    }

    /** {@code 822,912}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 82.3%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** {@code 512 B}, {@code 96.4 MiB}. */
    static String bytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, BINARY[unit]);
    }

    /** {@code 312 ms}, {@code 4.2 s}, {@code 3 min 12 s}. */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        Duration d = Duration.ofMillis(millis);
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
}
