package dev.lethe.cli;

import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.util.List;

/**
 * The exit codes of {@code lethe}, and how the statuses of the runs of one command map to one code.
 *
 * <p>A run counts as done when its status is {@code ok} or {@code partial}: it did (or, in a plan, would do)
 * its work, or part of it. Then:
 * <ul>
 *   <li>every run {@code ok} (or no policy at all) → {@link #OK};</li>
 *   <li>no run done — each one {@code failed} or {@code refused} → {@link #FAILURE}: nothing that was asked
 *       for happened, which a script must not mistake for progress;</li>
 *   <li>otherwise → {@link #PARTIAL}: some runs (or some items of a run) were done and some were not.</li>
 * </ul>
 * A single refused policy therefore exits 1; a refused policy next to one that ran exits 3. {@code plan}
 * applies the same rule to what the run would do, so a plan that a guard would refuse exits 1 too.
 */
public final class ExitCode {

    /** Everything asked for was done. */
    public static final int OK = 0;
    /** Nothing asked for was done: every run failed or was refused, or an unexpected error stopped lethe. */
    public static final int FAILURE = 1;
    /** The config or the command line is wrong; one line on stderr says where. */
    public static final int USAGE = 2;
    /** Part of the work was done: some items or some policies failed or were refused, the rest went through. */
    public static final int PARTIAL = 3;

    private ExitCode() {
    }

    /** The exit code of a command that produced these reports. */
    public static int of(List<RunReport> reports) {
        if (reports.stream().allMatch(r -> r.status() == RunStatus.OK)) {
            return OK;
        }
        boolean anyDone = reports.stream().anyMatch(r -> r.status() == RunStatus.OK || r.status() == RunStatus.PARTIAL);
        return anyDone ? PARTIAL : FAILURE;
    }
}
