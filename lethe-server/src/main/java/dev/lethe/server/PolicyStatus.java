package dev.lethe.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lethe.core.report.RunStatus;
import java.time.Instant;

/**
 * What the daemon knows about one policy right now ({@code GET /api/policies}).
 *
 * @param name          the policy's name
 * @param store         its store
 * @param schedule      its schedule as written, e.g. {@code every 5m}, or null for manual triggers only
 * @param nextRun       the next fire time, or null when unscheduled
 * @param running       whether this instance is running it now (and so holds its lease)
 * @param due           whether a run is waiting: a fire time passed or a trigger came while it was busy
 * @param lastRunId     history id of the last run this instance made, if any
 * @param lastStatus    its status
 * @param lastStartedAt when it started
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyStatus(String name, String store, String schedule, Instant nextRun, boolean running, boolean due,
                           Long lastRunId, RunStatus lastStatus, Instant lastStartedAt) {
}
