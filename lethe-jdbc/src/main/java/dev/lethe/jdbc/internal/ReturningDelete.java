package dev.lethe.jdbc.internal;

import dev.lethe.jdbc.dialect.DeleteBatching;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A batch as one statement that finds, deletes and returns the next rows in key order (MariaDB's
 * {@code DELETE ... ORDER BY key LIMIT n RETURNING key, outcome}): one pass over the batch. The returned rows, at
 * most n, are exactly the deleted ones; they give the outcome counts, and the last of them the next cursor.
 */
final class ReturningDelete implements PositionBatch {

    private final SweepStatements statements;
    private final DeleteBatching.Limited shape;

    ReturningDelete(SweepStatements statements, DeleteBatching.Limited shape) {
        this.statements = statements;
        this.shape = shape;
    }

    @Override
    public Deleted delete(JdbcSession session, List<Sql> after, int limit) throws SQLException {
        return session.query(statement(after, limit), this::read);
    }

    private Deleted read(ResultSet rows) throws SQLException {
        OutcomeCounts counts = new OutcomeCounts(statements.policy.labels.size());
        long n = 0;
        Object last = null;
        while (rows.next()) {
            last = rows.getObject(1);
            counts.add(rows.getInt(2), 1);
            n++;
        }
        return new Deleted(counts, n, last);
    }

    @Override
    public List<Sql> statements(List<Sql> after, int limit) {
        return List.of(statement(after, limit));
    }

    private Sql statement(List<Sql> after, int limit) {
        return statements.limitedDelete(shape, statements.policy.key, after, limit);
    }
}
