package dev.lethe.core.engine;

import dev.lethe.core.report.RunReport;

/** Follows runs as they progress, e.g. to draw a progress line on a terminal. Callbacks must be cheap. */
public interface RunListener {

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };

    /** The {@code matched} of a run that skipped its count (no guard needed it): the total is not known. */
    long UNCOUNTED = -1;

    /**
     * Called once before the first batch of an executing run, with the items the plan counted, or
     * {@link #UNCOUNTED}.
     */
    default void planned(String policy, long matched) {
    }

    /** Called after every batch with the running totals; {@code matched} as in {@link #planned}. */
    default void progressed(String policy, long processed, long failed, long matched) {
    }

    /** Called with the final report. */
    default void finished(RunReport report) {
    }
}
