package dev.lethe.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch as one read that finds its last position and counts its rows per outcome, then a plain {@code DELETE} of
 * that range (SQLite). Both run under the dialect's write lock, which holds off every other writer
 * ({@code BEGIN IMMEDIATE}), so the DELETE removes exactly the rows counted; its row count is checked against
 * the count all the same, and a mismatch rolls the batch back. No deleted row travels back to the client.
 */
final class CountThenDelete implements PositionBatch {

    private final SweepStatements statements;
    private final String position;

    CountThenDelete(SweepStatements statements, String position) {
        this.statements = statements;
        this.position = position;
    }

    @Override
    public Deleted delete(JdbcSession session, List<Sql> after, int limit) throws SQLException {
        Deleted counted = session.query(statements.countAndBound(position, after, limit), this::read);
        if (counted.rows() == 0) {
            return counted;
        }
        long deleted = session.update(statements.delete(range(after, counted.last())));
        if (deleted != counted.rows()) {
            throw new SQLException("counted " + counted.rows() + " matching rows but deleted " + deleted
                    + "; the batch was rolled back");
        }
        return counted;
    }

    private Deleted read(ResultSet row) throws SQLException {
        row.next();
        OutcomeCounts counts = new OutcomeCounts(statements.policy.labels.size());
        for (int outcome = 0; outcome <= statements.policy.labels.size(); outcome++) {
            counts.add(outcome, row.getLong(3 + outcome));
        }
        return new Deleted(counts, row.getLong(2), row.getObject(1));
    }

    /** {@code after} closed by the batch's last position. */
    private List<Sql> range(List<Sql> after, Object last) {
        List<Sql> range = new ArrayList<>(after);
        range.add(Sql.concat(position, " <= ", Sql.param(last)));
        return range;
    }

    @Override
    public List<Sql> statements(List<Sql> after, int limit) {
        return List.of(statements.countAndBound(position, after, limit), statements.delete(range(after, null)));
    }
}
