package dev.lethe.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lethe's batching algorithm written bare over JDBC: cutoffs read once from the database's clock, then per
 * batch of {@value #BATCH_SIZE}, in one transaction, the upper key ({@code ORDER BY id LIMIT 1 OFFSET n-1}) and
 * the range {@code DELETE}. No plan, no per-outcome counts, no history. The gap between this and Lethe is what
 * the engine and the store add on top of the algorithm; the gap between this and the raw DELETE is what
 * batching over a client connection costs on this database.
 */
final class JdbcKeyset implements Contender {

    static final int BATCH_SIZE = 5000;

    @Override
    public String name() {
        return "keyset " + BATCH_SIZE + " over JDBC (bare)";
    }

    private static String bound(BenchDatabase db) {
        return "SELECT id FROM " + Dataset.TABLE + " WHERE id > ? AND (" + db.boundPredicate() + ")"
                + " ORDER BY id LIMIT 1 OFFSET " + (BATCH_SIZE - 1);
    }

    private static String delete(BenchDatabase db, boolean closed) {
        return "DELETE FROM " + Dataset.TABLE + " WHERE id > ?" + (closed ? " AND id <= ?" : "")
                + " AND (" + db.boundPredicate() + ")";
    }

    @Override
    public String description(BenchDatabase db) {
        return "per batch, one transaction: " + bound(db) + "; " + delete(db, true) + "; COMMIT";
    }

    @Override
    public Timing run(BenchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long start = System.nanoTime();
            Object ack;
            Object now;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(db.cutoffsQuery())) {
                rs.next();
                ack = rs.getObject(1);
                now = rs.getObject(2);
            }
            c.setAutoCommit(false);
            long deleted = 0;
            try (PreparedStatement bound = c.prepareStatement(bound(db));
                 PreparedStatement range = c.prepareStatement(delete(db, true));
                 PreparedStatement rest = c.prepareStatement(delete(db, false))) {
                long last = 0;
                while (true) {
                    Long upper = upper(bound, last, ack, now);
                    if (upper == null) {
                        deleted += execute(rest, ack, now, last);
                        c.commit();
                        break;
                    }
                    deleted += execute(range, ack, now, last, upper);
                    c.commit();
                    last = upper;
                }
            }
            return Timing.inProcess(Stopwatch.millisSince(start), deleted);
        }
    }

    private static Long upper(PreparedStatement bound, long last, Object ack, Object now) throws SQLException {
        bound.setLong(1, last);
        bound.setObject(2, ack);
        bound.setObject(3, now);
        try (ResultSet rs = bound.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private static int execute(PreparedStatement delete, Object ack, Object now, long... keys) throws SQLException {
        delete.setLong(1, keys[0]);
        int p = 2;
        if (keys.length > 1) {
            delete.setLong(p++, keys[1]);
        }
        delete.setObject(p++, ack);
        delete.setObject(p, now);
        return delete.executeUpdate();
    }
}
