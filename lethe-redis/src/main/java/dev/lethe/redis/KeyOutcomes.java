package dev.lethe.redis;

import dev.lethe.core.policy.KeySelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome labels of a key selection, decided on the client from the key's name: the first glob (in the
 * order written) a key matches names its label; a key matching none has no label ({@link #NONE}). Removal
 * sends each label's keys in their own commands, so the server's counts are exact per label.
 */
final class KeyOutcomes {

    /** The label of a key that matches no outcome glob. */
    static final String NONE = "";

    private final Map<String, Glob> globs = new LinkedHashMap<>();

    KeyOutcomes(KeySelection selection) {
        selection.outcomes().forEach((label, glob) -> globs.put(label, Glob.of(glob)));
    }

    /** {@code keys} grouped by label, labels in the order written, {@link #NONE} last. */
    Map<String, List<String>> classify(List<String> keys) {
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        for (String key : keys) {
            byLabel.computeIfAbsent(labelOf(key), label -> new ArrayList<>()).add(key);
        }
        List<String> unlabelled = byLabel.remove(NONE);
        if (unlabelled != null) {
            byLabel.put(NONE, unlabelled);
        }
        return byLabel;
    }

    String labelOf(String key) {
        for (Map.Entry<String, Glob> outcome : globs.entrySet()) {
            if (outcome.getValue().matches(key)) {
                return outcome.getKey();
            }
        }
        return NONE;
    }

    /** How the plan describes the labels, for its statements; empty without labels. */
    List<String> describe() {
        return globs.isEmpty() ? List.of() : List.of("count removed keys per outcome: " + String.join(", ",
                globs.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList())
                + " (first match wins; one command per outcome)");
    }
}
