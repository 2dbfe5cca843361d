package dev.lethe.bench;

import static dev.lethe.bench.BenchDatabase.execute;
import static dev.lethe.bench.BenchDatabase.queryString;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * MariaDB at {@code 127.0.0.1:3306}, database {@code lethe_bench}, user {@code root} with an empty password.
 *
 * <p>The copy is generated server-side from the built-in sequence engine ({@code seq_1_to_N}) in key order
 * into the clustered primary key, then analyzed and flushed to disk ({@code FLUSH TABLES … FOR EXPORT}, the
 * nearest InnoDB has to PostgreSQL's {@code CHECKPOINT}), so that writing the load does not land on the next
 * contender's clock.
 */
final class MariaDbDatabase implements BenchDatabase {

    static final String HOST = "127.0.0.1";
    static final int PORT = 3306;
    static final String DATABASE = "lethe_bench";
    static final String USER = "root";

    @Override
    public String name() {
        return "mariadb";
    }

    private static String url(String database) {
        return "jdbc:mariadb://" + HOST + ":" + PORT + "/" + database;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(DATABASE), USER, "");
    }

    @Override
    public void rebuild(long rows) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(""), USER, "")) {
            execute(c, "CREATE DATABASE IF NOT EXISTS " + DATABASE);
        }
        String t = Dataset.TABLE;
        try (Connection c = connect()) {
            execute(c, "DROP TABLE IF EXISTS " + t,
                    "CREATE TABLE " + t + " (id BIGINT NOT NULL PRIMARY KEY, owner TEXT NOT NULL, payload TEXT NOT NULL,"
                            + " created_at DATETIME(6) NOT NULL, expires_at DATETIME(6) NOT NULL, acked_at DATETIME(6) NULL)"
                            + " ENGINE=InnoDB",
                    "INSERT INTO " + t + " (id, owner, payload, created_at, expires_at, acked_at)"
                            + " SELECT id, CONCAT('owner-', " + Dataset.ownerNumber("id") + "),"
                            + " CONCAT('upload-', LPAD(id, 10, '0'), ':', LPAD(" + Dataset.payloadNumber("id") + ", 82, '0')),"
                            + " base + INTERVAL c MINUTE,"
                            + " base + INTERVAL (c + " + Dataset.ttlMinutes() + ") MINUTE,"
                            + " base + INTERVAL a MINUTE"
                            + " FROM (SELECT id, " + Dataset.createdOffsetMinutes() + " AS c, "
                            + Dataset.ackedOffsetMinutes() + " AS a, NOW(6) AS base"
                            // seq is unsigned: signed ids, or the negative minute offsets overflow.
                            + " FROM (SELECT " + Dataset.bucketColumns("CAST(seq AS SIGNED)") + " FROM seq_1_to_" + rows
                            + ") s) r ORDER BY id",
                    "ANALYZE TABLE " + t,
                    // Writes the table's dirty pages now: MariaDB's page cleaner does not flush an idle pool, so
                    // otherwise the load would be flushed by whichever contender's reads evict it.
                    "FLUSH TABLES " + t + " FOR EXPORT",
                    "UNLOCK TABLES");
        }
    }

    @Override
    public String eligiblePredicate() {
        return "(acked_at < NOW(6) - INTERVAL 1 HOUR) OR (acked_at IS NULL AND expires_at < NOW(6))";
    }

    @Override
    public String cutoffsQuery() {
        return "SELECT NOW(6) - INTERVAL 1 HOUR, NOW(6)";
    }

    @Override
    public String letheStoreYaml() {
        return "{ type: mariadb, url: \"" + url(DATABASE) + "\", user: " + USER + ", password: \"\" }";
    }

    @Override
    public Map<String, String> settings() throws SQLException {
        return BenchDatabase.readSettings(this, "SELECT VERSION()", "SELECT @@%s", "innodb_buffer_pool_size",
                "innodb_log_file_size", "innodb_flush_log_at_trx_commit", "innodb_flush_method", "innodb_io_capacity",
                "time_zone");
    }
}
