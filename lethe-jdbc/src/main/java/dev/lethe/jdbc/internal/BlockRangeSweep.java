package dev.lethe.jdbc.internal;

import dev.lethe.core.store.BatchResult;
import dev.lethe.core.store.SweepPlan;
import dev.lethe.jdbc.dialect.DeleteBatching;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Deletes a table's matching rows in ranges of its physical blocks, one atomic statement per range (PostgreSQL).
 *
 * <p>Design note. A raw {@code DELETE ... WHERE pred} reads the heap once, block after block: the fastest the
 * database can delete. Key-ordered batches pay for finding each range (a second pass, to the n-th match) and read
 * the heap in key order. Here a batch is {@code DELETE ... WHERE ctid >= '(a,0)' AND ctid < '(b,0)' AND (pred)}, a
 * TID Range Scan that reads blocks [a, b) once, in the raw DELETE's own order, and evaluates the predicate on
 * every row it deletes, so a row that stopped matching is never deleted. Each range is one statement in
 * auto-commit, a single round trip: outcomes are counted by reading the range on the delete's own snapshot
 * ({@link SnapshotCountedDelete}), or, on tables with triggers, rules or row-level security and when a concurrent
 * change conflicts, over the rows a data-modifying CTE returns ({@link ReturningRangeAction}).
 *
 * <p>The cursor is a block number. How many rows a range holds is only known once it ran, so <b>batchSize is a
 * target, not a cap</b>: {@link BlockBudget} aims each range from the matches per block seen so far and bounds the
 * overshoot. The walk ends at the table's size read when the batches start, re-read once at the end so blocks
 * appended during the run are visited too. Rows written into free space of blocks already passed, or moved there
 * by an UPDATE, wait for the next run, as rows below the cursor do in a key-ordered sweep.
 *
 * <p>Block ranges need a plain table and a delete without cascades (the dialect and {@link SweepChoice} decide),
 * and a batch size that spans at least {@link BlockBudget#MIN_BLOCKS} blocks at the table's average density
 * (decided with the plan's counts, or, for a run that made no plan, the catalog's row estimate). Otherwise one
 * block holds a good part of a batch, and the sweep walks key ranges instead ({@link KeysetSweep}), which honour a
 * small batchSize exactly. A failed range is retried row by row ({@link BlockRangeRetry}).
 */
final class BlockRangeSweep implements TableSweep {

    private final JdbcSession session;
    private final SweepStatements statements;
    private final DeleteBatching.BlockRanges blocks;
    private final KeysetSweep keyset;
    private final RangeAction byKey;
    private final SweepPlanner planner;
    private final PolicyOnStore names;
    private final SnapshotCountedDelete snapshot;
    private Boolean byBlocks;
    /** The rows the table holds and how many of them match, as counted by the plan or, without one, estimated. */
    private long rows;
    private long matched;
    private BlockBudget budget;
    private long cursor;
    private long end;
    private boolean reread;

    BlockRangeSweep(JdbcSession session, SweepStatements statements, DeleteBatching.BlockRanges blocks,
                    KeysetSweep keyset, RangeAction byKey, SweepPlanner planner) {
        this.session = session;
        this.statements = statements;
        this.blocks = blocks;
        this.keyset = keyset;
        this.byKey = byKey;
        this.planner = planner;
        this.names = statements.policy.names;
        this.snapshot = new SnapshotCountedDelete(session, statements);
    }

    @Override
    public SweepPlan plan(int sampleSize) {
        return planner.plan(session, sampleSize, (s, measured) -> {
            choose(s, measured);
            return byBlocks ? shown() : keyset.batchStatements();
        });
    }

    /** Decides once how batches are cut; a plan made after batches (to count a backlog) keeps that decision. */
    private void choose(JdbcSession s, SweepPlanner.Measurement measured) throws SQLException {
        choose(s, measured.total(), measured.matched());
    }

    private void choose(JdbcSession s, long tableRows, long matchedRows) throws SQLException {
        if (byBlocks == null) {
            rows = tableRows;
            matched = matchedRows;
            byBlocks = BlockBudget.fits(statements.policy.batchSize, rows, size(s));
        }
    }

    /**
     * Sizes the walk for a run that made no plan. The catalog's row estimate is enough: the first range then
     * assumes every row matches (one batch's worth of rows at the table's density, the smallest first aim), and
     * {@link BlockBudget} re-aims from what each range found. Without statistics the table is counted after all.
     */
    private void chooseWithoutPlan(JdbcSession s) throws SQLException {
        OptionalLong estimate = planner.estimateRows(s);
        if (estimate.isPresent()) {
            choose(s, estimate.getAsLong(), estimate.getAsLong());
        } else {
            choose(s, planner.measure(s));
        }
    }

    @Override
    public Optional<BatchResult> nextBatch(int maxItems) {
        try {
            if (byBlocks == null) {
                session.read(s -> {
                    chooseWithoutPlan(s);
                    return null;
                });
            }
            if (!byBlocks) {
                return keyset.nextBatch(maxItems);
            }
            if (budget == null) {
                end = session.read(this::size);
                budget = BlockBudget.aimedAt(maxItems, matched, rows, end);
            } else if (cursor >= end && !reread) {
                reread = true;
                end = session.read(this::size);
            }
        } catch (SQLException e) {
            throw names.failed("finding the next batch", e);
        }
        if (cursor >= end) {
            return Optional.empty();
        }
        long from = cursor;
        long to = Math.min(cursor + budget.blocks(), end);
        BatchResult result;
        try {
            result = delete(List.of(blocks(from, to))).asResult(statements.policy.labels);
        } catch (SQLException batchFailure) {
            session.rethrowIfConnectionLost(batchFailure, names, "processing a batch");
            result = new BlockRangeRetry(session, statements, byKey).retry(blocks(from, to), maxItems);
        }
        budget.observe(result.processed() + result.failed(), to - from);
        cursor = to;
        return Optional.of(planner.withBytesFreed(result));
    }

    /**
     * Deletes one range in a transaction of its own. Outcomes are counted on the transaction's snapshot
     * ({@link SnapshotCountedDelete}); when a concurrent change gets in the way, the range is deleted again, this time
     * by the statement that counts what it returns ({@link ReturningRangeAction}). A policy without outcomes needs
     * no count: its plain DELETE's row count is the whole answer.
     */
    private OutcomeCounts delete(List<Sql> range) throws SQLException {
        if (statements.policy.labels.isEmpty()) {
            OutcomeCounts counts = new OutcomeCounts(0);
            counts.add(0, session.updateAlone(statements.delete(range)));
            return counts;
        }
        if (blocks.countsOnSnapshot()) {
            try {
                return snapshot.delete(range);
            } catch (SQLException e) {
                leaveSnapshot(e);
                if (!SnapshotCountedDelete.isConflict(e)) {
                    throw e;
                }
            }
        }
        return session.write(s -> ReturningRangeAction.delete(s, statements, range));
    }

    /** Back to READ COMMITTED before the failed range is handled any further. */
    private void leaveSnapshot(SQLException failure) {
        try {
            snapshot.leave();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private long size(JdbcSession s) throws SQLException {
        return s.query(Sql.of(blocks.sizeQuery()), rows -> rows.next() ? rows.getLong(1) : 0L);
    }

    /** The rows stored in blocks {@code [from, to)}; null bounds for a statement that is only checked or shown. */
    private Sql blocks(Long from, Long to) {
        return new Sql(blocks.condition(), Arrays.asList(from, to));
    }

    /** What one block-range batch executes, as a plan shows it. */
    private List<Sql> shown() {
        List<Sql> range = List.of(blocks(null, null));
        if (statements.policy.labels.isEmpty()) {
            return List.of(statements.delete(range));
        }
        return List.of(blocks.countsOnSnapshot() ? snapshot.statement(range) : statements.deleteCountingOutcomes(range));
    }

    @Override
    public List<Sql> everyStatement() {
        List<Sql> all = new ArrayList<>(keyset.everyStatement());
        all.add(snapshot.statement(List.of(blocks(null, null))));
        all.add(statements.deleteCountingOutcomes(List.of(blocks(null, null))));
        all.add(Sql.of(blocks.sizeQuery()));
        all.add(BlockRangeRetry.keys(statements, KeyRange.probe(), blocks(null, null), 1));
        return all;
    }

    @Override
    public void close() {
        // The connection belongs to the store; a sweep holds only its cursor, and leaves the session as it found it.
        try {
            snapshot.close();
        } catch (SQLException e) {
            throw names.failed("restoring the session's isolation level", e);
        }
    }
}
