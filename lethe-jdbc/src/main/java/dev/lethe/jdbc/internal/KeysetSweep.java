package dev.lethe.jdbc.internal;

import dev.lethe.core.store.BatchResult;
import dev.lethe.core.store.SweepPlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks a table's matching rows in key order, one atomic, set-based batch at a time: the sweep for every action,
 * table and database, and for deletes where no one-statement shape applies ({@link SweepChoice}).
 *
 * <p>Design note. The cursor is the last key of the previous batch — one value, so memory is bounded by the
 * batch size however many rows match; no list of ids ever crosses the wire. A batch first finds its upper bound,
 * the key of the n-th matching row after the cursor ({@code ORDER BY key LIMIT 1 OFFSET n-1}); when there is
 * none, the rest fits in this batch and the range is open-ended. The action then applies, in one transaction, to
 * {@code key > last AND key <= upper AND (predicate)}: the predicate is evaluated again by the changing
 * statement itself, so a row that stopped matching since the plan (or since the bound was read) is left alone,
 * and a row that started matching inside the range is taken. Keys are assumed unique and not null (a primary
 * key); with duplicates a batch may exceed n rows, but no row is skipped. Finding the bound is a second pass over
 * the range; the delete sweeps ({@link BlockRangeSweep}, {@link PositionSweep}) avoid it.
 *
 * <p>When a batch fails (a constraint, a trigger, a lock timeout) it is rolled back and retried row by row over
 * the same range ({@link RowByRowRetry}), so one bad row costs one failure, not the batch; the cursor then
 * moves past the range. A lost connection is not retried: it stops the run.
 */
public final class KeysetSweep implements TableSweep {

    private final JdbcSession session;
    private final SweepStatements statements;
    private final RangeAction action;
    private final SweepPlanner planner;
    private final PolicyOnStore names;
    private Object lastKey;
    private boolean exhausted;

    KeysetSweep(JdbcSession session, SweepStatements statements, RangeAction action, SweepPlanner planner) {
        this.session = session;
        this.statements = statements;
        this.action = action;
        this.planner = planner;
        this.names = statements.policy.names;
    }

    @Override
    public SweepPlan plan(int sampleSize) {
        return planner.plan(session, sampleSize, (s, measured) -> batchStatements());
    }

    @Override
    public Optional<BatchResult> nextBatch(int maxItems) {
        if (exhausted) {
            return Optional.empty();
        }
        Object upper = upperBound(maxItems);
        KeyRange range = KeyRange.between(lastKey, upper);
        BatchResult result;
        try {
            result = session.write(s -> action.apply(s, range));
            exhausted = upper == null;
            lastKey = upper;
        } catch (SQLException batchFailure) {
            session.rethrowIfConnectionLost(batchFailure, names, "processing a batch");
            RowByRowRetry retry = new RowByRowRetry(session, names, (s, key) -> action.apply(s, KeyRange.single(key)));
            List<Object> keys = retry.read(statements.keys(range, maxItems), "reading the keys of a failed batch");
            result = retry.each(keys);
            exhausted = upper == null && keys.size() < maxItems;
            lastKey = upper != null ? upper : keys.isEmpty() ? lastKey : keys.get(keys.size() - 1);
        }
        boolean nothing = result.processed() == 0 && result.failed() == 0 && result.cascaded().isEmpty();
        return exhausted && nothing ? Optional.empty() : Optional.of(planner.withBytesFreed(result));
    }

    private Object upperBound(int size) {
        try {
            List<Object> bound = session.read(s -> s.query(statements.upperBound(KeyRange.between(lastKey, null), size),
                    RowByRowRetry::ids));
            return bound.isEmpty() ? null : bound.get(0);
        } catch (SQLException e) {
            throw names.failed("finding the next batch", e);
        }
    }

    /** What one batch in the middle of the table executes, in order. */
    List<Sql> batchStatements() {
        List<Sql> batch = new ArrayList<>();
        batch.add(statements.upperBoundForDisplay());
        batch.addAll(action.statements(KeyRange.probe()));
        return batch;
    }

    @Override
    public List<Sql> everyStatement() {
        List<Sql> all = new ArrayList<>();
        all.add(statements.classify());
        all.add(statements.keys(KeyRange.probe(), 1));
        all.add(statements.upperBound(new KeyRange.Between(true, null, false, null), 1));
        all.addAll(action.statements(KeyRange.probe()));
        return all;
    }

    @Override
    public void close() {
        // The connection belongs to the store; a sweep holds only its cursor.
    }
}
