package dev.lethe.jdbc.internal;

import dev.lethe.core.store.BatchResult;
import dev.lethe.core.store.Sweep;
import dev.lethe.core.store.SweepPlan;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Walks a table's matching rows in key order, one atomic, set-based batch at a time.
 *
 * <p>Design note. The cursor is the last key of the previous batch — one value, so memory is bounded by the
 * batch size however many rows match; no list of ids ever crosses the wire. A batch first finds its upper bound,
 * the key of the n-th matching row after the cursor ({@code ORDER BY key LIMIT 1 OFFSET n-1}); when there is
 * none, the rest fits in this batch and the range is open-ended. The action then applies, in one transaction, to
 * {@code key > last AND key <= upper AND (predicate)}: the predicate is evaluated again by the changing
 * statement itself, so a row that stopped matching since the plan (or since the bound was read) is left alone,
 * and a row that started matching inside the range is taken. Keys are assumed unique and not null (a primary
 * key); with duplicates a batch may exceed n rows, but no row is skipped.
 *
 * <p>When a batch fails (a constraint, a trigger, a lock timeout) it is rolled back and retried row by row over
 * the same range ({@link RowByRowRetry}), so one bad row costs one failure, not the batch; the cursor then
 * moves past the range. A lost connection is not retried: it stops the run.
 */
public final class KeysetSweep implements Sweep {

    private final JdbcSession session;
    private final SweepStatements statements;
    private final RangeAction action;
    private final PolicyOnStore names;
    private Object lastKey;
    private boolean exhausted;

    public KeysetSweep(JdbcSession session, SweepStatements statements, RangeAction action) {
        this.session = session;
        this.statements = statements;
        this.action = action;
        this.names = statements.policy.names;
    }

    @Override
    public SweepPlan plan(int sampleSize) {
        try {
            return session.read(s -> new SweepPlanner(statements, action).plan(s, sampleSize));
        } catch (SQLException e) {
            throw names.failed("planning", e);
        }
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
            RowByRowRetry.Retried retried = new RowByRowRetry(session, statements, action).retry(range, maxItems);
            result = retried.result();
            exhausted = upper == null && retried.keys() < maxItems;
            lastKey = upper != null ? upper : retried.lastKey();
        }
        boolean nothing = result.processed() == 0 && result.failed() == 0 && result.cascaded().isEmpty();
        return exhausted && nothing ? Optional.empty() : Optional.of(result);
    }

    private Object upperBound(int size) {
        try {
            List<Object> bound = session.read(s -> s.query(statements.upperBound(KeyRange.between(lastKey, null), size),
                    RowByRowRetry::keys));
            return bound.isEmpty() ? null : bound.get(0);
        } catch (SQLException e) {
            throw names.failed("finding the next batch", e);
        }
    }

    @Override
    public void close() {
        // The connection belongs to the store; a sweep holds only its cursor.
    }
}
