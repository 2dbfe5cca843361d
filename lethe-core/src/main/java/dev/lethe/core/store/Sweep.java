package dev.lethe.core.store;

import java.util.Optional;

/**
 * One pass of one policy over one store, prepared with a frozen reference time. Holds the cursor
 * (for SQL: the last key processed), so memory stays bounded by the batch size.
 */
public interface Sweep extends AutoCloseable {

    /**
     * Counts what the policy matches now, the store's total, a sample of keys and the statements a run would
     * execute. Changes nothing. The engine calls it before the first batch when a guard or a dry run needs the
     * counts, and may call it after the last batch to count what a timeout left; an executing run that needs no
     * count goes to {@link #nextBatch} without it.
     */
    SweepPlan plan(int sampleSize);

    /**
     * Processes the next batch of at most {@code maxItems} matching items, atomically in the store. A store whose
     * batches follow its physical layout may treat {@code maxItems} as a target instead, and must say so and bound
     * the overshoot (the SQL store does for PostgreSQL deletes, which walk ranges of the table's blocks).
     * Each item is re-checked against the predicate at the moment it is changed. Items that fail are counted
     * in {@link BatchResult#failed()} and skipped; the sweep goes on past them.
     *
     * @return the batch's result, or empty when no matching item is left after the cursor
     * @throws StoreException when the store cannot be used any more (connection lost); the run then stops
     */
    Optional<BatchResult> nextBatch(int maxItems);

    @Override
    void close();
}
