package dev.lethe.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The "did you mean" behind unknown-key errors: the known name closest to what was written, by optimal string
 * alignment distance (Levenshtein plus swapped neighbours, ignoring case), or failing that by prefix.
 *
 * <p>Short names allow fewer edits, so {@code ab} is not "corrected" into some unrelated two-letter key. Public so
 * every "did you mean" of Lethe — config keys, store types, and the CLI's policy names and owner kinds — judges
 * closeness the same way.
 */
public final class ClosestName {

    private static final int MAX_EDITS = 2;
    private static final int MIN_PREFIX = 3;

    private ClosestName() {
    }

    /** The name of {@code known} closest to {@code given}, if any is close enough to be what was meant. */
    public static Optional<String> among(String given, Collection<String> known) {
        String lower = given.toLowerCase(Locale.ROOT);
        int allowed = Math.min(MAX_EDITS, Math.max(1, given.length() / 2));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null || lower.length() < MIN_PREFIX) {
            return Optional.ofNullable(best);
        }
        return known.stream()
                .filter(k -> {
                    String candidate = k.toLowerCase(Locale.ROOT);
                    return candidate.startsWith(lower) || (lower.startsWith(candidate) && candidate.length() >= MIN_PREFIX);
                })
                .findFirst();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
