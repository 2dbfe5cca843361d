package dev.lethe.core.store;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a sweep would do, measured without changing anything.
 *
 * @param matched        items the policy matches now
 * @param total          items in the store's scope (rows of the table), the denominator of the fraction guard
 * @param outcomes       matched items per outcome label (empty when the policy has no outcomes)
 * @param sampleKeys     up to the requested number of matched keys, in key order
 * @param estimatedBytes bytes the matched items occupy, when the store can tell
 * @param statements     the statements a run would execute, with parameters shown as {@code ?} or names
 */
public record SweepPlan(long matched, long total, Map<String, Long> outcomes, List<String> sampleKeys,
                        OptionalLong estimatedBytes, List<String> statements) {

    public SweepPlan {
        outcomes = Map.copyOf(outcomes);
        sampleKeys = List.copyOf(sampleKeys);
        statements = List.copyOf(statements);
    }

    /** matched / total, or 0 for an empty store. */
    public double fraction() {
        return total == 0 ? 0.0 : (double) matched / total;
    }
}
