package dev.lethe.core.history;

import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * One run as history knows it.
 *
 * @param id         history id
 * @param policy     policy name
 * @param store      store name
 * @param status     final status, {@code running}, or {@code interrupted} for a run whose process died
 * @param dryRun     whether it only planned
 * @param startedAt  start time
 * @param finishedAt end time, when finished
 * @param report     the full report, when finished
 */
public record RunRecord(long id, String policy, String store, RunStatus status, boolean dryRun, Instant startedAt,
                        Optional<Instant> finishedAt, Optional<RunReport> report) {
}
