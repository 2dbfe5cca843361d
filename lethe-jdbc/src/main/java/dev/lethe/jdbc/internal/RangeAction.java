package dev.lethe.jdbc.internal;

import dev.lethe.core.store.BatchResult;
import java.sql.SQLException;
import java.util.List;

/**
 * Applies a policy's action — with its cascades — to the matching rows of one key range, inside a transaction
 * the caller opened, and reports exactly what it changed. Two shapes exist, chosen by
 * {@link dev.lethe.jdbc.dialect.Dialect#reportsOutcomesInOneStatement()}: {@link ReturningRangeAction} and
 * {@link LockingRangeAction}.
 */
public interface RangeAction {

    /** Picks the shape the dialect supports. */
    static RangeAction of(SweepStatements statements) {
        return statements.dialect.reportsOutcomesInOneStatement()
                ? new ReturningRangeAction(statements)
                : new LockingRangeAction(statements);
    }

    /**
     * Changes the matching rows of {@code range} and returns what changed.
     *
     * @throws SQLException when any row of the range cannot be changed; the caller rolls back
     */
    BatchResult apply(JdbcSession session, KeyRange range) throws SQLException;

    /** The statements {@link #apply} executes for {@code range}, in order. */
    List<Sql> statements(KeyRange range);
}
