package dev.lethe.jdbc.dialect;

import dev.lethe.core.store.ReferenceTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * SQLite. Time columns are expected to hold UTC text as {@code datetime('now')} writes it
 * ({@code yyyy-MM-dd HH:mm:ss[.SSS]}), which compares correctly as text; cutoffs are bound in that form. SQLite
 * has no session time zone, so the local reading equals the UTC one.
 *
 * <p>A batch begins with {@code BEGIN IMMEDIATE}: SQLite has one writer, so once the write lock is held a count
 * followed by the change is exact. Connections use WAL (readers are not blocked by a batch), a busy timeout
 * instead of failing at once when the application holds the lock, {@code synchronous=NORMAL}, and foreign keys
 * on (so a sweep honours the schema's constraints).
 *
 * <p>A delete batch walks the table in rowid order, its storage order ({@link DeleteBatching.LockedRanges}): inside
 * the write lock, one read finds the batch's last rowid and counts its rows per outcome, and a plain
 * {@code DELETE} of the range follows. {@code DELETE ... RETURNING} would save that read, but handing every
 * deleted row back through the driver costs more than reading the batch twice. WITHOUT ROWID tables advance
 * along the key instead; other actions and cascades walk key ranges.
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
    public boolean groupsCheaply() {
        // SQLite groups through a temporary B-tree: counting a million rows by outcome sorts them all, which takes
        // longer than evaluating the predicate once per outcome.
        return false;
    }

    @Override
    public DeleteBatching deleteBatching(Connection connection, TableName table) throws SQLException {
        return new DeleteBatching.LockedRanges(rowId(connection, table));
    }

    /**
     * The name that reads the table's rowid — {@code rowid}, {@code _rowid_} or {@code oid}, whichever no column of
     * the table is called — or empty for a WITHOUT ROWID table, a view, or a name that is not exactly one table.
     */
    private static Optional<String> rowId(Connection connection, TableName table) throws SQLException {
        List<String> kinds = column(connection, "SELECT type || ' ' || wr FROM pragma_table_list"
                + " WHERE name = ?1 COLLATE NOCASE AND (?2 IS NULL OR schema = ?2 COLLATE NOCASE)", table);
        if (!kinds.equals(List.of("table 0"))) {
            return Optional.empty();
        }
        List<String> columns = column(connection, "SELECT lower(name) FROM pragma_table_info(?1, ?2)", table);
        return Stream.of("rowid", "_rowid_", "oid").filter(name -> !columns.contains(name)).findFirst();
    }

    private static List<String> column(Connection connection, String query, TableName table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, table.name());
            statement.setString(2, table.schema().orElse(null));
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    @Override
    public boolean isConnectionLost(SQLException e) {
        // Embedded: there is no connection to lose; a closed connection is reported as such.
        return e.getMessage() != null && e.getMessage().contains("database connection closed");
    }
}
