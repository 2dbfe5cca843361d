package dev.lethe.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The quickstart's data: the pending-uploads shape of DESIGN.md. Upload rows are acknowledged by a consumer
 * and kept for an hour afterwards; unacknowledged rows expire. Of {@value #ROWS} rows, per ten:
 * four acked three hours ago (stale), one acked ten minutes ago (kept), three unacked and expired half an hour
 * ago (stale), two unacked and still live (kept) — 70% stale. Times are UTC text, as SQLite's
 * {@code datetime('now')} writes them, relative to the moment the demo is created.
 */
final class DemoDatabase {

    static final String FILE = "demo.db";
    static final int ROWS = 1000;

    private DemoDatabase() {
    }

    static void create(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS pending_uploads");
            statement.execute("CREATE TABLE pending_uploads ("
                    + " id INTEGER PRIMARY KEY,"
                    + " object_key TEXT NOT NULL,"
                    + " created_at TEXT NOT NULL,"
                    + " acked_at TEXT,"
                    + " expires_at TEXT NOT NULL)");
            statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ")"
                    + " INSERT INTO pending_uploads (id, object_key, created_at, acked_at, expires_at)"
                    + " SELECT i, 'uploads/' || i || '.bin', datetime('now', '-4 hours'),"
                    + "  CASE WHEN i % 10 < 4 THEN datetime('now', '-3 hours')"
                    + "       WHEN i % 10 = 4 THEN datetime('now', '-10 minutes') END,"
                    + "  CASE WHEN i % 10 BETWEEN 5 AND 7 THEN datetime('now', '-30 minutes')"
                    + "       ELSE datetime('now', '+1 hours') END"
                    + " FROM n");
        }
    }

    static String describeRows() {
        return ROWS + " upload rows: 400 acked 3 h ago, 100 acked 10 min ago, 300 unacked and expired, 200 unacked and live";
    }

    static String config() {
        return """
                # Lethe quickstart: sweep stale rows out of a demo SQLite database.
                # Written by `lethe demo init`; edit it and run `bin/lethe plan --config quickstart/lethe.yaml`.
                state: jdbc:sqlite:lethe-state.db        # run history, next to this file
                stores:
                  demo: { type: sqlite, path: demo.db }   # relative to this file
                policies:
                  pending-uploads:                       # TTL + ack retention, one pass, counted per outcome
                    store: demo
                    table: pending_uploads
                    key: id
                    cutoffs: { ackRetention: 1h }        # :ackRetention = now - 1h, on the store's clock
                    where: "(acked_at < :ackRetention) OR (acked_at IS NULL AND expires_at < :now)"
                    outcomes: { acked: "acked_at IS NOT NULL", expired: "acked_at IS NULL" }
                    action: delete
                    limits: { batchSize: 100, maxFraction: 0.8 }   # 70% of this table is stale: allow it explicitly
                """;
    }
}
