package dev.lethe.jdbc.dialect;

import java.util.Optional;

/**
 * How a delete policy without cascades is cut into batches on one table: the dialect's answer to
 * {@link Dialect#deleteBatching}. Whatever the shape, each batch is one transaction, the statement that deletes
 * re-evaluates the predicate on every row it deletes, and the outcome counts are those of the rows it deleted.
 */
public sealed interface DeleteBatching {

    /** The shape every table supports. */
    DeleteBatching KEY_RANGES = new KeyRanges();

    /**
     * Each batch first finds its key range ({@code ORDER BY key LIMIT 1 OFFSET n-1}), then deletes the range (counting
     * it under a lock first where the delete cannot report outcomes): two or three passes over the batch, but exact
     * batches on any table, for any action, in any database.
     */
    record KeyRanges() implements DeleteBatching {
    }

    /**
     * Batches over ranges of the table's physical blocks, each read once in storage order, as a raw
     * {@code DELETE} reads them (PostgreSQL's TID range scans). A batch's size is only known once it ran.
     *
     * @param condition        selects the rows stored in blocks {@code [from, to)}; two {@code bigint} placeholders,
     *                         from and to
     * @param sizeQuery        returns the table's current size in blocks; no placeholders
     * @param countsOnSnapshot whether a batch may count its rows with a read of the range on the same snapshot as
     *                         its delete instead of counting what the delete returns: only when nothing on the table
     *                         (a trigger, a rule, row-level security) can make the delete skip a row the read sees
     */
    record BlockRanges(String condition, String sizeQuery, boolean countsOnSnapshot) implements DeleteBatching {
    }

    /**
     * One statement finds, deletes and reports the next batch: the first {@code n} matching rows after a cursor on
     * the key, returning each deleted row's key then its outcome, in key order (the last one is the next cursor).
     * The template's slots are {@code {table}}, {@code {position}} (the key), {@code {where}} (the cursor's
     * condition and the predicate), {@code {limit}} and {@code {outcome}}.
     *
     * @param template the statement
     */
    record Limited(String template) implements DeleteBatching {
    }

    /**
     * For databases whose write transaction locks out every other writer until it ends (SQLite's
     * {@code BEGIN IMMEDIATE}): one read finds where the batch ends and counts its rows per outcome, then a plain
     * {@code DELETE} of that range follows, exact because nothing can change in between. Two passes over the
     * batch, but neither returns rows; where returning every deleted row costs more than reading the batch
     * again, this is the faster shape.
     *
     * @param rowId the row identifier batches advance along (SQLite's {@code rowid}: the table's storage order),
     *              or empty to advance along the key
     */
    record LockedRanges(Optional<String> rowId) implements DeleteBatching {
    }
}
