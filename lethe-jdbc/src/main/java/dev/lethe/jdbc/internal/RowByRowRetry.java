package dev.lethe.jdbc.internal;

import dev.lethe.core.store.BatchResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Retries a failed batch one row at a time, each in its own transaction, so the rows that can be processed are,
 * and each one that cannot is counted as failed with its database message. The caller reads which rows to retry
 * (at most a bounded number, from the failed batch's range, with the same predicate) and says how to process one.
 */
final class RowByRowRetry {

    /** Processes the row identified by {@code id} — its key or its position — inside the caller's transaction. */
    @FunctionalInterface
    interface RowAction {
        BatchResult apply(JdbcSession session, Object id) throws SQLException;
    }

    private final JdbcSession session;
    private final PolicyOnStore names;
    private final RowAction action;

    RowByRowRetry(JdbcSession session, PolicyOnStore names, RowAction action) {
        this.session = session;
        this.names = names;
        this.action = action;
    }

    /** The rows {@code query} lists (one column of ids), read in a transaction of their own. */
    List<Object> read(Sql query, String doing) {
        try {
            return session.read(s -> s.query(query, RowByRowRetry::ids));
        } catch (SQLException e) {
            throw names.failed(doing, e);
        }
    }

    /**
     * Processes each of {@code ids} in its own transaction and adds up what was done and what failed.
     *
     * @throws dev.lethe.core.store.StoreException when the connection is lost
     */
    BatchResult each(List<Object> ids) {
        BatchSum sum = new BatchSum();
        for (Object id : ids) {
            try {
                sum.add(session.write(s -> action.apply(s, id)));
            } catch (SQLException e) {
                session.rethrowIfConnectionLost(e, names, "retrying a failed batch row by row");
                sum.failed(PolicyOnStore.firstLine(e));
            }
        }
        return sum.result();
    }

    /** Reads a one-column result of ids: keys, positions. */
    static List<Object> ids(ResultSet rows) throws SQLException {
        List<Object> ids = new ArrayList<>();
        while (rows.next()) {
            ids.add(rows.getObject(1));
        }
        return ids;
    }
}
