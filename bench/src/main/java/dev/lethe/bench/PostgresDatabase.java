package dev.lethe.bench;

import static dev.lethe.bench.BenchDatabase.execute;
import static dev.lethe.bench.BenchDatabase.queryString;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * PostgreSQL at {@code 127.0.0.1:5432}, database {@code lethe_bench}, user {@code postgres} (trust auth).
 *
 * <p>The copy is generated server-side with {@code generate_series}, the primary key is built after the load
 * (as a restore would), then {@code VACUUM (ANALYZE)} and {@code CHECKPOINT} leave every contender the same
 * clean, hinted, flushed table. Autovacuum is off for the table so it cannot start in the middle of one
 * contender's timing and not another's.
 */
final class PostgresDatabase implements BenchDatabase {

    static final String HOST = "127.0.0.1:5432";
    static final String DATABASE = "lethe_bench";
    static final String USER = "postgres";

    @Override
    public String name() {
        return "postgres";
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + "/" + database;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(DATABASE), USER, "");
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "")) {
            String exists = queryString(c, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (exists == null) {
                execute(c, "CREATE DATABASE " + DATABASE);
            }
        }
    }

    @Override
    public void rebuild(long rows) throws SQLException {
        createDatabaseIfMissing();
        String t = Dataset.TABLE;
        try (Connection c = connect()) {
            execute(c, "DROP TABLE IF EXISTS " + t,
                    "CREATE TABLE " + t + " (id bigint NOT NULL, owner text NOT NULL, payload text NOT NULL,"
                            + " created_at timestamptz NOT NULL, expires_at timestamptz NOT NULL, acked_at timestamptz)"
                            + " WITH (autovacuum_enabled = false)");
            String insert = "INSERT INTO " + t + " (id, owner, payload, created_at, expires_at, acked_at)"
                    + " SELECT id, 'owner-' || " + Dataset.ownerNumber("id") + ","
                    + " 'upload-' || lpad(id::text, 10, '0') || ':' || lpad(" + Dataset.payloadNumber("id")
                    + "::text, 82, '0'),"
                    + " now() + c * interval '1 minute',"
                    + " now() + (c + " + Dataset.ttlMinutes() + ") * interval '1 minute',"
                    + " now() + a * interval '1 minute'"
                    + " FROM (SELECT id, " + Dataset.createdOffsetMinutes() + " AS c, "
                    + Dataset.ackedOffsetMinutes() + " AS a"
                    + " FROM (SELECT " + Dataset.bucketColumns("g") + " FROM generate_series(1::bigint, ?::bigint) g) s) r";
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setLong(1, rows);
                ps.executeUpdate();
            }
            execute(c, "ALTER TABLE " + t + " ADD PRIMARY KEY (id)",
                    "VACUUM (ANALYZE) " + t,
                    "CHECKPOINT");
        }
    }

    @Override
    public String eligiblePredicate() {
        return "(acked_at < now() - interval '1 hour') OR (acked_at IS NULL AND expires_at < now())";
    }

    @Override
    public String cutoffsQuery() {
        return "SELECT now() - interval '1 hour', now()";
    }

    @Override
    public String letheStoreYaml() {
        return "{ type: postgres, url: \"" + url(DATABASE) + "\", user: " + USER + " }";
    }

    @Override
    public Map<String, String> settings() throws SQLException {
        return BenchDatabase.readSettings(this, "SELECT version()", "SHOW %s", "shared_buffers", "work_mem",
                "max_wal_size", "synchronous_commit", "fsync", "full_page_writes", "wal_level");
    }
}
