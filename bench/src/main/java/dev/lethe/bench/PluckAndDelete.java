package dev.lethe.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;

/**
 * The hand-written sweeper Lethe replaces: select every eligible id into the client, then delete them
 * {@value #IDS_PER_STATEMENT} at a time with {@code DELETE … WHERE id IN (…)}, each statement its own
 * autocommit transaction. Prepared statements, so the pattern is measured at its best.
 */
final class PluckAndDelete implements Contender {

    static final int IDS_PER_STATEMENT = 100;

    @Override
    public String name() {
        return "pluck + DELETE IN (" + IDS_PER_STATEMENT + ")";
    }

    @Override
    public String description(BenchDatabase db) {
        return "SELECT id FROM " + Dataset.TABLE + " WHERE " + db.eligiblePredicate()
                + "; then DELETE FROM " + Dataset.TABLE + " WHERE id IN (" + IDS_PER_STATEMENT
                + " ids) per statement, autocommit (JDBC)";
    }

    @Override
    public Timing run(BenchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long start = System.nanoTime();
            long[] ids = pluck(c, db);
            long deleted = 0;
            try (PreparedStatement full = c.prepareStatement(delete(IDS_PER_STATEMENT))) {
                int i = 0;
                for (; i + IDS_PER_STATEMENT <= ids.length; i += IDS_PER_STATEMENT) {
                    deleted += delete(full, ids, i, IDS_PER_STATEMENT);
                }
                if (i < ids.length) {
                    try (PreparedStatement rest = c.prepareStatement(delete(ids.length - i))) {
                        deleted += delete(rest, ids, i, ids.length - i);
                    }
                }
            }
            return Timing.inProcess(Stopwatch.millisSince(start), deleted);
        }
    }

    private static long[] pluck(Connection c, BenchDatabase db) throws SQLException {
        long[] ids = new long[1024];
        int n = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM " + Dataset.TABLE + " WHERE " + db.eligiblePredicate())) {
            while (rs.next()) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                }
                ids[n++] = rs.getLong(1);
            }
        }
        return Arrays.copyOf(ids, n);
    }

    private static String delete(int count) {
        return "DELETE FROM " + Dataset.TABLE + " WHERE id IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    private static int delete(PreparedStatement ps, long[] ids, int from, int count) throws SQLException {
        for (int k = 0; k < count; k++) {
            ps.setLong(k + 1, ids[from + k]);
        }
        return ps.executeUpdate();
    }
}
