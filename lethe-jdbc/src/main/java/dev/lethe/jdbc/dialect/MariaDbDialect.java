package dev.lethe.jdbc.dialect;

import dev.lethe.core.store.ReferenceTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * MariaDB and MySQL (InnoDB). {@code DATETIME} columns hold wall-clock readings compared in the session's time
 * zone, so cutoffs are bound as the store's local reading minus the age — what {@code NOW() - INTERVAL} gives;
 * {@code TIMESTAMP} columns are converted to the session zone before comparing, so the same value is right for
 * them too. The session zone is the server's default unless the url's {@code sessionVariables=time_zone=...}
 * or the store's {@code timeZone} setting says otherwise.
 *
 * <p>A delete batch on MariaDB is one statement, {@code DELETE ... WHERE key > ? AND (pred) ORDER BY key LIMIT n
 * RETURNING key, outcome}: one pass over the key range that finds, deletes and reports the batch, returning the
 * rows in key order (the last one is the next batch's cursor). Other actions, cascades and MySQL servers (no
 * {@code DELETE ... RETURNING}) run under REPEATABLE READ with a locking count ({@code ... GROUP BY 1 FOR UPDATE})
 * that takes next-key locks on the range, so the change that follows in the same transaction touches exactly
 * the counted rows.
 */
public final class MariaDbDialect extends ServerDialect {

    private static final SqlSyntax SYNTAX = new SqlSyntax(true, false, true, true);

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public String driverUrl(String url) {
        // A type: mysql store may keep its jdbc:mysql: url; the MariaDB driver only claims that scheme when the
        // url itself says permitMysqlScheme, which DriverManager checks before any property is seen.
        return url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
    }

    @Override
    public Properties connectionProperties() {
        Properties properties = new Properties();
        // An UPDATE must report the rows it matched, not only those whose value changed: a batch checks that
        // number against its locking count.
        properties.setProperty("useAffectedRows", "false");
        return properties;
    }

    @Override
    String setTimeZone() {
        return "SET time_zone = ?";
    }

    @Override
    void configureIsolation(Connection connection) throws SQLException {
        // Without gap locks (READ COMMITTED) a row inserted between the count and the change would make the
        // counts inexact.
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }

    @Override
    public SqlSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public char identifierQuote() {
        return '`';
    }

    @Override
    public String clockQuery() {
        return "SELECT UTC_TIMESTAMP(6), NOW(6)";
    }

    @Override
    public ReferenceTime readClock(ResultSet row) throws SQLException {
        return new ReferenceTime(row.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                row.getObject(2, LocalDateTime.class));
    }

    @Override
    public Object timestampValue(ReferenceTime time) {
        return time.local();
    }

    @Override
    public boolean reportsOutcomesInOneStatement() {
        return false;
    }

    @Override
    public String lockingCount(String outcome, String fromWhere) {
        return "SELECT " + outcome + ", COUNT(*) " + fromWhere + " GROUP BY 1 FOR UPDATE";
    }

    @Override
    public DeleteBatching deleteBatching(Connection connection, TableName table) throws SQLException {
        // MySQL has no DELETE ... RETURNING; a view may refuse ORDER BY, LIMIT and RETURNING together.
        if (!connection.getMetaData().getDatabaseProductName().contains("MariaDB") || !isBaseTable(connection, table)) {
            return DeleteBatching.KEY_RANGES;
        }
        // MariaDB returns the deleted rows as it deletes them, in ORDER BY order: the last one is the next cursor.
        return new DeleteBatching.Limited(
                "DELETE FROM {table} WHERE {where} ORDER BY {position} LIMIT {limit} RETURNING {position}, {outcome}");
    }

    private static boolean isBaseTable(Connection connection, TableName table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ? AND table_type = 'BASE TABLE'")) {
            statement.setString(1, table.schema().orElse(null));
            statement.setString(2, table.name());
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}
