package dev.lethe.redis.state;

import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.ReportJson;
import dev.lethe.core.report.RunStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A run's hash as {@link RedisRunHistory} stores it, read back into a {@link RunRecord}. */
final class StoredRun {

    private StoredRun() {
    }

    static RunRecord record(long id, Map<String, String> run) {
        return new RunRecord(id, run.get("policy"), run.get("store"), RunStatus.fromLabel(run.get("status")),
                "1".equals(run.get("dryRun")), millis(run.get("startedAt")),
                Optional.ofNullable(run.get("finishedAt")).map(StoredRun::millis),
                Optional.ofNullable(run.get("report")).map(ReportJson::read));
    }

    static RunRecord interrupted(RunRecord r, Instant lastSeen) {
        return new RunRecord(r.id(), r.policy(), r.store(), RunStatus.INTERRUPTED, r.dryRun(), r.startedAt(),
                Optional.of(lastSeen), Optional.empty());
    }

    private static Instant millis(String text) {
        return Instant.ofEpochMilli(Long.parseLong(text));
    }
}
