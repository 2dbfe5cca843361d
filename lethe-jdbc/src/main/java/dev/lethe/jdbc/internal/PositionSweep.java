package dev.lethe.jdbc.internal;

import dev.lethe.core.store.BatchResult;
import dev.lethe.core.store.SweepPlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deletes matching rows in batches that each find, delete and count the next batchSize matching rows after a cursor
 * on a position column, in one transaction (MariaDB, SQLite; {@link PositionBatch} says how).
 *
 * <p>Design note. A key-range batch ({@link KeysetSweep}) first finds its upper bound, the n-th matching key, in a
 * read of its own, then locks and counts the range, then changes it: three passes over the batch. Here the batch
 * is cut by the statement that deletes it: MariaDB's {@code DELETE ... ORDER BY key LIMIT n RETURNING} finds,
 * deletes and reports the batch in one pass ({@link ReturningDelete}); on SQLite, whose write transaction locks
 * out every other writer, one read finds the batch's last position and counts it, and a plain DELETE of that range
 * follows ({@link CountThenDelete}). Either way the deleting statement evaluates the predicate itself, so a row that
 * stopped matching is left alone, the counts are those of the rows deleted, and the cursor — the last position
 * deleted — is one value. A batch of fewer than n rows ends the walk.
 *
 * <p>SQLite advances along its rowid, the table's storage order, rather than the key; for an
 * {@code INTEGER PRIMARY KEY} they are the same. A {@code VACUUM} between two batches may renumber the rowids of
 * other tables: rows may then be revisited (and left, as they no longer match) or wait for the next run, never
 * deleted without matching.
 *
 * <p>When a batch fails, the positions of its rows are read with the same condition and each row is deleted by
 * position in its own transaction ({@link RowByRowRetry}).
 */
final class PositionSweep implements TableSweep {

    private final JdbcSession session;
    private final SweepStatements statements;
    private final String position;
    private final PositionBatch batch;
    private final SweepPlanner planner;
    private final PolicyOnStore names;
    private Object cursor;
    private boolean exhausted;

    PositionSweep(JdbcSession session, SweepStatements statements, String position, PositionBatch batch,
                  SweepPlanner planner) {
        this.session = session;
        this.statements = statements;
        this.position = position;
        this.batch = batch;
        this.planner = planner;
        this.names = statements.policy.names;
    }

    @Override
    public SweepPlan plan(int sampleSize) {
        return planner.plan(session, sampleSize, (s, measured) -> batch.statements(probe(), statements.policy.batchSize));
    }

    @Override
    public Optional<BatchResult> nextBatch(int maxItems) {
        if (exhausted) {
            return Optional.empty();
        }
        List<Sql> after = after(cursor);
        BatchResult result;
        try {
            PositionBatch.Deleted deleted = session.write(s -> batch.delete(s, after, maxItems));
            result = deleted.counts().asResult(statements.policy.labels);
            exhausted = deleted.rows() < maxItems;
            cursor = deleted.last() != null ? deleted.last() : cursor;
        } catch (SQLException batchFailure) {
            session.rethrowIfConnectionLost(batchFailure, names, "processing a batch");
            RowByRowRetry retry = new RowByRowRetry(session, names, (s, at) -> batch.delete(s, at(at), 1).counts()
                    .asResult(statements.policy.labels));
            List<Object> positions = retry.read(statements.ordered(position, after, maxItems),
                    "reading the rows of a failed batch");
            result = retry.each(positions);
            exhausted = positions.size() < maxItems;
            cursor = positions.isEmpty() ? cursor : positions.get(positions.size() - 1);
        }
        boolean nothing = result.processed() == 0 && result.failed() == 0;
        return exhausted && nothing ? Optional.empty() : Optional.of(planner.withBytesFreed(result));
    }

    /** The cursor's condition; none before the first batch. */
    private List<Sql> after(Object last) {
        return last == null ? List.of() : List.of(Sql.concat(position, " > ", Sql.param(last)));
    }

    /** Exactly the row at {@code at}, for the retry of a failed batch. */
    private List<Sql> at(Object at) {
        return List.of(Sql.concat(position, " = ", Sql.param(at)));
    }

    /** A middle batch's condition with a null bound: how a plan shows it and the database checks it. */
    private List<Sql> probe() {
        return List.of(Sql.concat(position, " > ", Sql.param(null)));
    }

    @Override
    public List<Sql> everyStatement() {
        List<Sql> all = new ArrayList<>();
        all.add(statements.classify());
        all.add(statements.keys(KeyRange.probe(), 1));
        all.addAll(batch.statements(probe(), 1));
        all.add(statements.ordered(position, probe(), 1));
        return all;
    }

    @Override
    public void close() {
        // The connection belongs to the store; a sweep holds only its cursor.
    }
}
