package dev.lethe.jdbc.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Connections to one state database, migrated on open.
 *
 * <p>A connection is opened per operation: history is written a few times per run, so the cost does not
 * matter, and a daemon then survives a restarted PostgreSQL without reconnect logic. For SQLite this means
 * the database must be a file — an in-memory database would be a new empty one every time.
 */
final class StateDatabase {

    private final String url;
    private final StateDialect dialect;

    private StateDatabase(String url, StateDialect dialect) {
        this.url = url;
        this.dialect = dialect;
    }

    /**
     * Opens (creating the SQLite file and its directory if needed) and migrates the state database.
     *
     * @throws IllegalArgumentException when the URL is not a supported state store
     * @throws StateStoreException      when the database cannot be reached or migrated
     */
    static StateDatabase open(String url) {
        StateDialect dialect = StateDialect.of(url);
        if (dialect == StateDialect.SQLITE) {
            if (StateUrls.isSqliteInMemory(url)) {
                throw new IllegalArgumentException("state store '" + url + "' is in memory and would forget every"
                        + " run; use a file, e.g. jdbc:sqlite:lethe-state.db");
            }
            StateUrls.sqliteFile(url).ifPresent(StateDatabase::createParentDirectories);
        }
        StateDatabase database = new StateDatabase(url, dialect);
        try (Connection connection = database.connect()) {
            StateSchema.migrate(connection, dialect);
        } catch (SQLException e) {
            throw database.failure("cannot open", e);
        }
        return database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, dialect.connectionProperties());
    }

    /** An exception naming the store and what was being done, with the driver's own words. */
    StateStoreException failure(String doing, SQLException cause) {
        return new StateStoreException("state store " + describe() + ": " + doing + ": " + cause.getMessage(), cause);
    }

    /** The URL with its password masked. */
    String describe() {
        return StateUrls.redact(url);
    }

    private static void createParentDirectories(Path file) {
        Optional<Path> parent = Optional.ofNullable(file.toAbsolutePath().getParent());
        try {
            if (parent.isPresent()) {
                Files.createDirectories(parent.get());
            }
        } catch (IOException e) {
            throw new StateStoreException("state store jdbc:sqlite:" + file + ": cannot create directory "
                    + parent.get() + ": " + e.getMessage(), e);
        }
    }
}
