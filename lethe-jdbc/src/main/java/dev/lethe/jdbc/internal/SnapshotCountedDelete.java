package dev.lethe.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Deletes one block range and counts its rows per outcome without {@code RETURNING}, in one statement that is its
 * own {@code REPEATABLE READ} transaction (PostgreSQL):
 * <pre>
 * WITH lethe_deleted AS (DELETE FROM t WHERE range AND (pred))
 * SELECT COUNT(*), COUNT(CASE WHEN lethe_outcome = 0 THEN 1 END), ...
 *   FROM (SELECT outcome AS lethe_outcome FROM t WHERE range AND (pred)) lethe_batch
 * </pre>
 *
 * <p>Design note. Counting what a data-modifying CTE returns ({@link ReturningRangeAction}) is exact under any
 * concurrency, but pushing every deleted row through {@code RETURNING} into the CTE's tuple store costs about a
 * third as much as the deletes themselves; reading the range once more, from blocks already in memory, costs far
 * less. Every part of one statement sees the statement's snapshot, and the main query does not see what its
 * {@code WITH} deletes, so the read counts the row versions the delete judges. Under {@code REPEATABLE READ} a
 * row that another transaction changed or deleted after that snapshot makes the delete fail with a serialization
 * failure (SQLSTATE 40001) instead of acting on a version the read did not see, and rows inserted after it are
 * invisible to both: when the statement succeeds, it deleted exactly the rows it counted. (Under
 * {@code READ COMMITTED} the delete would re-check such a row's newest version and could delete or keep it
 * whatever the read counted.) On a conflict the sweep goes back to {@code READ COMMITTED} and deletes the range
 * with the one-statement form that counts what it returns ({@link #leave}).
 *
 * <p>The statement runs in auto-commit: a batch is one round trip, commit included. The session stays at
 * {@code REPEATABLE READ} from the first batch until {@link #leave}, which the sweep calls before any other work
 * on the connection and when it closes. The store's dialect offers this only for tables where nothing can make
 * the delete skip a row the read sees ({@link dev.lethe.jdbc.dialect.DeleteBatching.BlockRanges#countsOnSnapshot}).
 * The predicate is evaluated twice per row, so a volatile one ({@code random()}) would count loosely.
 */
final class SnapshotCountedDelete implements AutoCloseable {

    private static final String SERIALIZATION_FAILURE = "40001";

    private final JdbcSession session;
    private final SweepStatements sql;
    private boolean entered;

    SnapshotCountedDelete(JdbcSession session, SweepStatements sql) {
        this.session = session;
        this.sql = sql;
    }

    /**
     * Deletes and counts the matching rows meeting {@code range}, as a transaction of its own.
     *
     * @throws SQLException with SQLSTATE 40001 when a concurrent change conflicts ({@link #isConflict}); nothing
     *                      was deleted then
     */
    OutcomeCounts delete(List<Sql> range) throws SQLException {
        if (!entered) {
            session.isolation(Connection.TRANSACTION_REPEATABLE_READ);
            entered = true;
        }
        return session.queryAlone(statement(range), new OutcomeCounts(sql.policy.labels.size())::addColumns);
    }

    /** The batch statement for {@code range}. */
    Sql statement(List<Sql> range) {
        return Sql.concat("WITH lethe_deleted AS (", sql.delete(range), ") ", sql.countByOutcome(range));
    }

    /** Returns the session to {@code READ COMMITTED}, the isolation every other statement of a sweep expects. */
    void leave() throws SQLException {
        if (entered) {
            entered = false;
            session.isolation(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    /** Whether {@code e} says a concurrent change kept the snapshot count from being exact. */
    static boolean isConflict(SQLException e) {
        return SERIALIZATION_FAILURE.equals(e.getSQLState());
    }

    @Override
    public void close() throws SQLException {
        leave();
    }
}
