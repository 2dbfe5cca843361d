package dev.lethe.bench;

import java.util.Optional;

/** One way of removing the eligible rows, timed on its own fresh copy of the dataset. */
interface Contender {

    /** A short label for tables, e.g. {@code raw DELETE}. */
    String name();

    /** What exactly runs: the statement or the command line, for the report. */
    String description(BenchDatabase db);

    /** Why this contender cannot run on this machine, if it cannot (a missing tool); checked before a rebuild. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /**
     * Whether it removes the eligible rows, so the table it leaves is checked; false for a baseline that only
     * measures something else on the same fresh copy (the impact scenario's workload alone).
     */
    default boolean sweeps() {
        return true;
    }

    /** Removes the eligible rows from the fresh copy and says how long it took. */
    Timing run(BenchDatabase db) throws Exception;
}
