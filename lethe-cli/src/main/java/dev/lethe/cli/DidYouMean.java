package dev.lethe.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The known name closest to a mistyped one, if it is close enough to be what was meant. */
final class DidYouMean {

    private DidYouMean() {
    }

    /** The closest of {@code known} within a third of {@code given}'s length in edits (at least one). */
    static Optional<String> closest(String given, Collection<String> known) {
        int allowed = Math.max(1, given.length() / 3);
        return known.stream()
                .filter(name -> distance(given, name) <= allowed)
                .min(Comparator.comparingInt(name -> distance(given, name)));
    }

    /** Levenshtein distance, ignoring case. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
