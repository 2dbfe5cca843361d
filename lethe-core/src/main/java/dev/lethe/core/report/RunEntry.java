package dev.lethe.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.lethe.core.history.RunRecord;
import java.time.Instant;

/**
 * One run of history as {@code lethe history --json} and {@code GET /api/runs} both show it: the history
 * record, and the full report (as {@code lethe run --json} prints it) once the run has finished.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "policy", "store", "status", "dryRun", "startedAt", "finishedAt", "report"})
public record RunEntry(long id, String policy, String store, RunStatus status, boolean dryRun, Instant startedAt,
                       Instant finishedAt, RunReport report) {

    /** The entry of one history record. */
    public static RunEntry of(RunRecord r) {
        return new RunEntry(r.id(), r.policy(), r.store(), r.status(), r.dryRun(), r.startedAt(),
                r.finishedAt().orElse(null), r.report().orElse(null));
    }
}
