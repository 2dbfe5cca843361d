package dev.lethe.core.report;

import java.util.List;

/**
 * The plan part of a report: what a run would do (or did decide to do) before changing anything.
 *
 * @param total          items in the store's scope (e.g. rows of the table)
 * @param fraction       matched / total
 * @param sampleKeys     a few matched keys, in key order
 * @param estimatedBytes bytes of the matched items, when the store can tell
 * @param statements     what the run executes
 */
public record PlanSummary(long total, double fraction, List<String> sampleKeys, Long estimatedBytes,
                          List<String> statements) {

    public PlanSummary {
        sampleKeys = List.copyOf(sampleKeys);
        statements = List.copyOf(statements);
    }
}
