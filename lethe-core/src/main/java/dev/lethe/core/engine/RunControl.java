package dev.lethe.core.engine;

import dev.lethe.core.report.RunStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * Lets the caller of a run stop it cleanly between batches: the daemon stops a run whose lease was lost
 * ({@code failed}) or that is cut short by SIGTERM ({@code interrupted}). The batch under way always
 * finishes; the check happens before the next one.
 */
@FunctionalInterface
public interface RunControl {

    /** Never stops a run. */
    RunControl NONE = Optional::empty;

    /** Checked before every batch; a present value stops the run with that status and reason. */
    Optional<Stop> stop();

    /**
     * Why a run must stop.
     *
     * @param status the run's final status
     * @param reason a sentence for the report's warnings
     */
    record Stop(RunStatus status, String reason) {
        public Stop {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
