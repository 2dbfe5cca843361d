package dev.lethe.server.testing;

import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reports made by hand, for tests of what the daemon does with them. */
public final class Reports {

    private Reports() {
    }

    public static RunReport of(String policy, RunStatus status, long deleted, long backlog, Instant startedAt) {
        return new RunReport(policy, status, false, deleted + backlog, deleted, 0, 0, Map.of(), 0, List.of(), List.of(),
                startedAt, 1500, 7L, "app", startedAt, 0, Map.of(), backlog, null, null);
    }

    public static RunReport ok(String policy) {
        return of(policy, RunStatus.OK, 0, 0, Instant.parse("2026-05-01T10:00:00Z"));
    }
}
