package dev.lethe.bench;

import java.sql.Connection;
import java.sql.Statement;

/** The database's own limit: one {@code DELETE … WHERE <predicate>}, one transaction, no round trips. */
final class RawDelete implements Contender {

    @Override
    public String name() {
        return "raw DELETE";
    }

    private static String statement(BenchDatabase db) {
        return "DELETE FROM " + Dataset.TABLE + " WHERE " + db.eligiblePredicate();
    }

    @Override
    public String description(BenchDatabase db) {
        return statement(db) + "  (JDBC, autocommit)";
    }

    @Override
    public Timing run(BenchDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            long deleted = s.executeUpdate(statement(db));
            return Timing.inProcess(Stopwatch.millisSince(start), deleted);
        }
    }
}
