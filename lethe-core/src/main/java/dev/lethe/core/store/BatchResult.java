package dev.lethe.core.store;

import dev.lethe.core.report.DataLossEvent;
import java.util.List;
import java.util.Map;

/**
 * The effect of one atomic batch.
 *
 * @param processed  items the action was applied to (deleted, updated or moved)
 * @param outcomes   processed items per outcome label
 * @param failed     items that could not be processed and were skipped
 * @param bytesFreed bytes released, when the store can tell (0 otherwise)
 * @param cascaded   dependent items removed, per dependent table
 * @param dataLoss   items lost in a way the policy allows but must be reported
 * @param errors     distinct error messages of failed items (bounded by the store)
 */
public record BatchResult(long processed, Map<String, Long> outcomes, long failed, long bytesFreed,
                          Map<String, Long> cascaded, List<DataLossEvent> dataLoss, List<String> errors) {

    public BatchResult {
        outcomes = Map.copyOf(outcomes);
        cascaded = Map.copyOf(cascaded);
        dataLoss = List.copyOf(dataLoss);
        errors = List.copyOf(errors);
    }

    /** A batch that processed {@code processed} items with no outcome labels, failures or cascades. */
    public static BatchResult of(long processed) {
        return new BatchResult(processed, Map.of(), 0, 0, Map.of(), List.of(), List.of());
    }
}
