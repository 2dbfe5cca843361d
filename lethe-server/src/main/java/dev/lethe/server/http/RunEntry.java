package dev.lethe.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.time.Instant;

/**
 * One run as {@code GET /api/runs} shows it — the same shape as {@code lethe history --json}: the history
 * record, and the full report (as {@code lethe run --json} prints it) once the run has finished.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "policy", "store", "status", "dryRun", "startedAt", "finishedAt", "report"})
record RunEntry(long id, String policy, String store, RunStatus status, boolean dryRun, Instant startedAt,
                Instant finishedAt, RunReport report) {

    static RunEntry of(RunRecord r) {
        return new RunEntry(r.id(), r.policy(), r.store(), r.status(), r.dryRun(), r.startedAt(),
                r.finishedAt().orElse(null), r.report().orElse(null));
    }
}
