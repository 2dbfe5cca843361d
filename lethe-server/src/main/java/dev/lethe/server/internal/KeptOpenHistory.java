package dev.lethe.server.internal;

import dev.lethe.core.history.RunHistory;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.RunReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's one history, handed to each config generation's engine. Closing an engine closes its history;
 * a reload closes the old engine, which must not close the history the new one goes on using.
 */
public final class KeptOpenHistory implements RunHistory {

    private final RunHistory history;

    public KeptOpenHistory(RunHistory history) {
        this.history = history;
    }

    @Override
    public long start(String policy, String store, boolean dryRun, Instant startedAt) {
        return history.start(policy, store, dryRun, startedAt);
    }

    @Override
    public void heartbeat(long runId) {
        history.heartbeat(runId);
    }

    @Override
    public void finish(long runId, RunReport report) {
        history.finish(runId, report);
    }

    @Override
    public List<RunRecord> recent(Optional<String> policy, int limit) {
        return history.recent(policy, limit);
    }

    @Override
    public Optional<RunRecord> find(long runId) {
        return history.find(runId);
    }

    /** Does nothing: whoever opened the history closes it. */
    @Override
    public void close() {
    }
}
