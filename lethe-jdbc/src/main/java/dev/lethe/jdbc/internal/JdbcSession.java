package dev.lethe.jdbc.internal;

import dev.lethe.core.store.ReferenceTime;
import dev.lethe.jdbc.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection of a SQL store, with the dialect's transaction rules. The engine runs one policy at a
 * time, so one connection is enough; it is re-opened at the start of a run when it was lost.
 */
public final class JdbcSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSession.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    /** Opens a configured connection. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    /** Work done with the connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(JdbcSession session) throws SQLException;
    }

    /** Reads a query's whole result. */
    @FunctionalInterface
    public interface ResultReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Reads facts with the connection itself. */
    @FunctionalInterface
    public interface ConnectionReader<T> {
        T read(Connection connection) throws SQLException;
    }

    private final Dialect dialect;
    private final Connector connector;
    private Connection connection;

    public JdbcSession(Dialect dialect, Connector connector) {
        this.dialect = dialect;
        this.connector = connector;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Opens the connection, or replaces it when it no longer answers. */
    public void connect() throws SQLException {
        if (connection != null && connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
            return;
        }
        close();
        connection = connector.connect();
    }

    /** The database's current time, read in its own transaction. */
    public ReferenceTime readClock() throws SQLException {
        return read(s -> s.query(Sql.of(dialect.clockQuery()), rows -> {
            rows.next();
            return dialect.readClock(rows);
        }));
    }

    /** Runs {@code work} in a read transaction that is always rolled back. */
    public <T> T read(Work<T> work) throws SQLException {
        dialect.begin(connection(), false);
        try {
            return work.run(this);
        } finally {
            rollbackQuietly(null);
        }
    }

    /** Runs {@code work} in a write transaction: committed when it returns, rolled back when it throws. */
    public <T> T write(Work<T> work) throws SQLException {
        dialect.begin(connection(), true);
        try {
            T result = work.run(this);
            dialect.commit(connection);
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(e);
            throw e;
        }
    }

    /**
     * Runs one statement as a transaction of its own (auto-commit) and hands its result to {@code reader}: one round
     * trip, commit included, where {@link #write} needs one more for the commit. Only for work that is a single
     * statement; a failure rolls it back by itself.
     */
    public <T> T queryAlone(Sql sql, ResultReader<T> reader) throws SQLException {
        return alone(s -> s.query(sql, reader));
    }

    /** Runs one change as a transaction of its own, like {@link #queryAlone}, and returns the rows it affected. */
    public long updateAlone(Sql sql) throws SQLException {
        return alone(s -> s.update(sql));
    }

    /** Runs {@code statement} in auto-commit, then puts the connection back as the dialect keeps it. */
    private <T> T alone(Work<T> statement) throws SQLException {
        Connection c = connection();
        boolean transactional = !c.getAutoCommit();
        if (transactional) {
            c.setAutoCommit(true);
        }
        try {
            return statement.run(this);
        } finally {
            if (transactional) {
                c.setAutoCommit(false);
            }
        }
    }

    /**
     * Sets the isolation level of the transactions that follow ({@link Connection#TRANSACTION_READ_COMMITTED} and
     * so on); call between transactions.
     */
    public void isolation(int level) throws SQLException {
        connection().setTransactionIsolation(level);
    }

    /** Runs a query and hands its result to {@code reader}. */
    public <T> T query(Sql sql, ResultReader<T> reader) throws SQLException {
        try (PreparedStatement statement = prepare(sql.text(), sql.args()); ResultSet rows = statement.executeQuery()) {
            return reader.read(rows);
        }
    }

    /** Runs a change and returns the rows it affected. */
    public long update(Sql sql) throws SQLException {
        try (PreparedStatement statement = prepare(sql.text(), sql.args())) {
            return statement.executeLargeUpdate();
        }
    }

    /** Hands the connection to {@code reader} inside the caller's transaction: the catalog checks a dialect makes. */
    public <T> T withConnection(ConnectionReader<T> reader) throws SQLException {
        return reader.read(connection());
    }

    /** Runs any statement, ignoring its result (an {@code EXPLAIN}). */
    public void execute(String text, List<Object> args) throws SQLException {
        try (PreparedStatement statement = prepare(text, args)) {
            statement.execute();
        }
    }

    /** Whether {@code e} means the store is gone rather than a statement or a row failed. */
    public boolean isConnectionLost(SQLException e) {
        if (dialect.isConnectionLost(e)) {
            return true;
        }
        try {
            return connection == null || !connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException invalid) {
            return true;
        }
    }

    /** Raises the failure as a {@link StoreException} when the connection is gone; returns otherwise. */
    public void rethrowIfConnectionLost(SQLException e, PolicyOnStore names, String doing) {
        if (isConnectionLost(e)) {
            throw names.failed(doing + " (connection lost)", e);
        }
    }

    private PreparedStatement prepare(String text, List<Object> args) throws SQLException {
        PreparedStatement statement = connection().prepareStatement(text);
        try {
            for (int i = 0; i < args.size(); i++) {
                dialect.bind(statement, i + 1, args.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            throw new SQLException("not connected", "08003");
        }
        return connection;
    }

    private void rollbackQuietly(Exception primary) {
        try {
            dialect.rollback(connection);
        } catch (SQLException e) {
            // The transaction may never have begun (SQLite's BEGIN IMMEDIATE timing out); the first failure
            // is the one worth reporting.
            if (primary != null) {
                primary.addSuppressed(e);
            } else {
                LOG.debug("rollback failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing connection failed: {}", e.toString());
        } finally {
            connection = null;
        }
    }
}
