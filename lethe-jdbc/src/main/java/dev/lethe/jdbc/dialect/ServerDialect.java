package dev.lethe.jdbc.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the client-server databases share: connections never auto-commit, so a transaction opens with its
 * first statement and ends with {@code commit} or {@code rollback}; {@code EXPLAIN} checks a statement; the
 * session zone is set by a statement taking the zone as its only parameter.
 */
abstract class ServerDialect implements Dialect {

    /** The statement that sets the session's time zone to its parameter. */
    abstract String setTimeZone();

    /** Session settings beyond the time zone; nothing by default. */
    void configureIsolation(Connection connection) throws SQLException {
    }

    @Override
    public final void configureSession(Connection connection, Optional<String> sessionTimeZone) throws SQLException {
        connection.setAutoCommit(false);
        configureIsolation(connection);
        if (sessionTimeZone.isPresent()) {
            try (PreparedStatement set = connection.prepareStatement(setTimeZone())) {
                set.setString(1, sessionTimeZone.get());
                set.execute();
            }
        }
        connection.commit();
    }

    @Override
    public final void begin(Connection connection, boolean write) {
        // Auto-commit is off: the first statement opens the transaction.
    }

    @Override
    public final void commit(Connection connection) throws SQLException {
        connection.commit();
    }

    @Override
    public final void rollback(Connection connection) throws SQLException {
        connection.rollback();
    }

    @Override
    public String explain(String sql) {
        return "EXPLAIN " + sql;
    }
}
