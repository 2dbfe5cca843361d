package dev.lethe.jdbc.dialect;

import dev.lethe.core.store.ReferenceTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;

/**
 * SQLite. Time columns are expected to hold UTC text as {@code datetime('now')} writes it
 * ({@code yyyy-MM-dd HH:mm:ss[.SSS]}), which compares correctly as text; cutoffs are bound in that form. SQLite
 * has no session time zone, so the local reading equals the UTC one.
 *
 * <p>A batch begins with {@code BEGIN IMMEDIATE}: SQLite has one writer, so once the write lock is held a count
 * followed by the change is exact. Connections use WAL (readers are not blocked by a batch), a busy timeout
 * instead of failing at once when the application holds the lock, {@code synchronous=NORMAL}, and foreign keys
 * on (so a sweep honours the schema's constraints).
 */
public final class SqliteDialect implements Dialect {

    private static final SqlSyntax SYNTAX = new SqlSyntax(false, false, false, true);
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final int BUSY_TIMEOUT_MS = 5000;

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("journal_mode", "WAL");
        properties.setProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
        properties.setProperty("synchronous", "NORMAL");
        properties.setProperty("foreign_keys", "true");
        return properties;
    }

    @Override
    public void configureSession(Connection connection, Optional<String> sessionTimeZone) {
        if (sessionTimeZone.isPresent()) {
            throw new IllegalArgumentException("sqlite has no session time zone; remove the timeZone setting"
                    + " (SQLite time columns are compared as UTC text)");
        }
        // Auto-commit stays on: transactions are opened explicitly, because the driver would otherwise keep
        // a BEGIN open between batches and hold the database's single write lock while idle.
    }

    @Override
    public void begin(Connection connection, boolean write) throws SQLException {
        execute(connection, write ? "BEGIN IMMEDIATE" : "BEGIN");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        execute(connection, "COMMIT");
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        execute(connection, "ROLLBACK");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public SqlSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public char identifierQuote() {
        // Not '"': SQLite reads a double-quoted name that matches no column as a string literal, so a misspelled
        // olderThan column would compare a constant instead of failing. Backticks are identifiers only.
        return '`';
    }

    @Override
    public String explain(String sql) {
        return "EXPLAIN QUERY PLAN " + sql;
    }

    @Override
    public String clockQuery() {
        return "SELECT strftime('%Y-%m-%d %H:%M:%f','now')";
    }

    @Override
    public ReferenceTime readClock(ResultSet row) throws SQLException {
        LocalDateTime utc = LocalDateTime.parse(row.getString(1), TEXT);
        return new ReferenceTime(utc.toInstant(ZoneOffset.UTC), utc);
    }

    @Override
    public Object timestampValue(ReferenceTime time) {
        return TEXT.format(LocalDateTime.ofInstant(time.instant(), ZoneOffset.UTC));
    }

    @Override
    public boolean reportsOutcomesInOneStatement() {
        return false;
    }

    @Override
    public String lockingCount(String outcome, String fromWhere) {
        // The IMMEDIATE transaction already holds the only write lock.
        return "SELECT " + outcome + ", COUNT(*) " + fromWhere + " GROUP BY 1";
    }

    @Override
    public Optional<String> rowBytes(String rowReference) {
        return Optional.empty();
    }

    @Override
    public boolean isConnectionLost(SQLException e) {
        // Embedded: there is no connection to lose; a closed connection is reported as such.
        return e.getMessage() != null && e.getMessage().contains("database connection closed");
    }
}
