package dev.lethe.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The record of one run of one policy. The first fields are the CLI's JSON contract (see DESIGN.md);
 * the ones after {@code durationMs} are additions.
 *
 * @param policy        the policy's name
 * @param status        how the run ended
 * @param dryRun        whether the run only planned
 * @param matched       items the policy matched when the run was planned; for a run that skipped the count
 *                      (no guard needed it), the items its batches found matching plus the backlog
 * @param deleted       items deleted
 * @param updated       items updated in place
 * @param failed        items that failed and were skipped
 * @param outcomes      processed items per outcome label (planned items, in a dry run)
 * @param bytesFreed    bytes released, where the store can tell
 * @param dataLoss      items lost in a way the policy allows, one event each
 * @param warnings      things an operator should read (refusals, timeouts, skipped items)
 * @param startedAt     when the run started (engine clock)
 * @param durationMs    how long it took
 * @param runId         the history id, when recorded
 * @param store         the store's name
 * @param referenceTime the frozen store-clock "now" the run used
 * @param moved         items moved to another table
 * @param cascaded      dependent items removed, per table
 * @param backlog       items matched but left by a timeout or a refusal
 * @param error         why the run failed, when it did
 * @param plan          the plan, for dry runs and refusals
 */
@JsonPropertyOrder({"policy", "status", "dryRun", "matched", "deleted", "updated", "failed", "outcomes", "bytesFreed",
        "dataLoss", "warnings", "startedAt", "durationMs"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunReport(String policy, RunStatus status, boolean dryRun, long matched, long deleted, long updated,
                        long failed, Map<String, Long> outcomes, long bytesFreed, List<DataLossEvent> dataLoss,
                        List<String> warnings, Instant startedAt, long durationMs, Long runId, String store,
                        Instant referenceTime, long moved, Map<String, Long> cascaded, long backlog, String error,
                        PlanSummary plan) {

    public RunReport {
        outcomes = Map.copyOf(outcomes);
        cascaded = Map.copyOf(cascaded);
        dataLoss = List.copyOf(dataLoss);
        warnings = List.copyOf(warnings);
    }

    /** Items the action was applied to, whatever the action. */
    public long processed() {
        return deleted + updated + moved;
    }

    /** The same report with a history id. */
    public RunReport withRunId(long id) {
        return new RunReport(policy, status, dryRun, matched, deleted, updated, failed, outcomes, bytesFreed,
                dataLoss, warnings, startedAt, durationMs, id, store, referenceTime, moved, cascaded, backlog,
                error, plan);
    }
}
