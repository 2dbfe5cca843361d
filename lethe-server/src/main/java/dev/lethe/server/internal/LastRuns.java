package dev.lethe.server.internal;

import dev.lethe.core.history.RunHistory;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What history says about a policy when the daemon starts: when it last ran (for catching up a fire time
 * missed while the daemon was down) and when it last succeeded (for the last-success metric). Dry runs of
 * {@code lethe plan} do not count.
 *
 * @param started   start of the newest run
 * @param succeeded end of the newest {@code ok} run
 */
public record LastRuns(Optional<Instant> started, Optional<Instant> succeeded) {

    private static final LastRuns NONE = new LastRuns(Optional.empty(), Optional.empty());
    private static final int LOOK_BACK = 50;

    /** Reads each policy's last runs; a policy whose history cannot be read counts as never run. */
    public static Map<String, LastRuns> read(RunHistory history, List<Policy> policies, DaemonLog log) {
        Map<String, LastRuns> last = new HashMap<>();
        for (Policy policy : policies) {
            try {
                List<RunRecord> runs = history.recent(Optional.of(policy.name()), LOOK_BACK).stream()
                        .filter(run -> !run.dryRun()).toList();
                last.put(policy.name(), new LastRuns(runs.stream().map(RunRecord::startedAt).findFirst(),
                        runs.stream().filter(run -> run.status() == RunStatus.OK).findFirst().flatMap(RunRecord::finishedAt)));
            } catch (RuntimeException e) {
                log.warn("scheduler", "policy '" + policy.name() + "': cannot read its last runs (" + e.getMessage()
                        + "); it waits for its next fire time", Map.of("policy", policy.name()));
            }
        }
        return last;
    }

    /** The entry of {@code policy}, or no runs. */
    static LastRuns of(Map<String, LastRuns> last, String policy) {
        return last.getOrDefault(policy, NONE);
    }
}
