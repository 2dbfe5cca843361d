package dev.lethe.core.history;

import dev.lethe.core.report.RunReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable record of runs. A run is recorded as {@code running} when it starts, heartbeats while it goes on,
 * and is finished with its report. A run whose process died stays {@code running} in the store; readers
 * must show it as {@code interrupted} — implementations detect that from the heartbeat and the owning
 * process, so no run shows {@code running} forever.
 */
public interface RunHistory extends AutoCloseable {

    /** Records the start of a run and returns its id. */
    long start(String policy, String store, boolean dryRun, Instant startedAt);

    /** Marks the run as still alive; called after every batch. */
    void heartbeat(long runId);

    /** Records the final report; its status must not be {@code running}. */
    void finish(long runId, RunReport report);

    /** The newest runs first, optionally of one policy only. */
    List<RunRecord> recent(Optional<String> policy, int limit);

    /** One run by id. */
    Optional<RunRecord> find(long runId);

    @Override
    void close();
}
