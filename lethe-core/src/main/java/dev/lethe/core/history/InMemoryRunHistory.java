package dev.lethe.core.history;

import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * History kept in memory, for embedding Lethe where no state store is wanted, and for tests.
 * Nothing survives the process, so nothing can be left {@code running} by a crash.
 */
public final class InMemoryRunHistory implements RunHistory {

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, RunRecord> runs = new ConcurrentHashMap<>();

    @Override
    public long start(String policy, String store, boolean dryRun, Instant startedAt) {
        long id = ids.incrementAndGet();
        runs.put(id, new RunRecord(id, policy, store, RunStatus.RUNNING, dryRun, startedAt, Optional.empty(),
                Optional.empty()));
        return id;
    }

    @Override
    public void heartbeat(long runId) {
        // Nothing to do: an in-memory run cannot outlive its process.
    }

    @Override
    public void finish(long runId, RunReport report) {
        runs.computeIfPresent(runId, (id, r) -> new RunRecord(id, r.policy(), r.store(), report.status(), r.dryRun(),
                r.startedAt(), Optional.of(report.startedAt().plusMillis(report.durationMs())), Optional.of(report)));
    }

    @Override
    public List<RunRecord> recent(Optional<String> policy, int limit) {
        List<RunRecord> list = new ArrayList<>(runs.values());
        list.removeIf(r -> policy.isPresent() && !policy.get().equals(r.policy()));
        list.sort(Comparator.comparingLong(RunRecord::id).reversed());
        return list.subList(0, Math.min(limit, list.size()));
    }

    @Override
    public Optional<RunRecord> find(long runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public void close() {
        runs.clear();
    }
}
