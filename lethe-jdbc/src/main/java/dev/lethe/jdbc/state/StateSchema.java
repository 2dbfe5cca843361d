package dev.lethe.jdbc.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and migrates the state store's tables.
 *
 * <p>Design note: the migrations are hand-written rather than run by a migration library because the whole
 * schema is two tables; a library would be a larger dependency than the schema it manages, shaded into
 * every lethe.jar. The rules are the usual ones: migrations are append-only and never edited once released,
 * each is applied in one transaction together with its row in {@code lethe_schema_version}, and a store
 * migrated by a newer Lethe is refused rather than guessed at. When two processes migrate at once, the loser's
 * transaction fails (duplicate table or version row), is rolled back, and finds the work done.
 */
final class StateSchema {

    /** One schema change; {@code {id}} in a statement stands for the dialect's identity column. */
    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "run history", List.of(
                    // Instants are epoch milliseconds: one portable, ordered type in SQLite and PostgreSQL,
                    // which no session time zone can shift.
                    "CREATE TABLE lethe_runs ("
                            + " id {id},"
                            + " policy VARCHAR(200) NOT NULL,"
                            + " store VARCHAR(200) NOT NULL,"
                            + " status VARCHAR(20) NOT NULL,"
                            + " dry_run BOOLEAN NOT NULL,"
                            + " started_at BIGINT NOT NULL,"
                            + " finished_at BIGINT,"
                            + " heartbeat_at BIGINT NOT NULL,"
                            + " instance VARCHAR(300) NOT NULL,"
                            + " report TEXT)",
                    "CREATE INDEX lethe_runs_policy ON lethe_runs (policy, id)",
                    "CREATE INDEX lethe_runs_status ON lethe_runs (status)")),
            new Migration(2, "leases", List.of(
                    // expires_at is epoch milliseconds on the state database's own clock; see JdbcLeaseStore.
                    "CREATE TABLE lethe_leases ("
                            + " name VARCHAR(300) PRIMARY KEY,"
                            + " owner VARCHAR(300) NOT NULL,"
                            + " fencing BIGINT NOT NULL,"
                            + " expires_at BIGINT NOT NULL)")));

    private StateSchema() {
    }

    /** The newest schema version this Lethe knows. */
    static int latestVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    /** Brings the schema to {@link #latestVersion()}; a no-op when it is there already. */
    static void migrate(Connection connection, StateDialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS lethe_schema_version ("
                    + " version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
        }
        int current = currentVersion(connection);
        if (current > latestVersion()) {
            throw new SQLException("the state store's schema is at version " + current + ", newer than this Lethe"
                    + " knows (" + latestVersion() + "); upgrade Lethe or point it at another state store");
        }
        for (Migration migration : MIGRATIONS) {
            if (migration.version() > current) {
                apply(connection, dialect, migration);
            }
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM lethe_schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void apply(Connection connection, StateDialect dialect, Migration migration) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
             PreparedStatement record = connection.prepareStatement(
                     "INSERT INTO lethe_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            for (String sql : migration.statements()) {
                statement.execute(sql.replace("{id}", dialect.identityColumn()));
            }
            record.setInt(1, migration.version());
            record.setString(2, migration.description());
            record.setLong(3, System.currentTimeMillis());
            record.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            if (currentVersion(connection) < migration.version()) {
                throw e;
            }
            // Another process applied this migration while we tried: the schema is where we wanted it.
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
