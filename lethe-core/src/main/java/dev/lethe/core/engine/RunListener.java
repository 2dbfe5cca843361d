package dev.lethe.core.engine;

import dev.lethe.core.report.RunReport;

/** Follows runs as they progress, e.g. to draw a progress line on a terminal. Callbacks must be cheap. */
public interface RunListener {

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };

    /** Called once the plan is known, before the first batch. */
    default void planned(String policy, long matched) {
    }

    /** Called after every batch with the running totals. */
    default void progressed(String policy, long processed, long failed, long matched) {
    }

    /** Called with the final report. */
    default void finished(RunReport report) {
    }
}
