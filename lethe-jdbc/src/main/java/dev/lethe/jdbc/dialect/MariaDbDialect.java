package dev.lethe.jdbc.dialect;

import dev.lethe.core.store.ReferenceTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;

/**
 * MariaDB and MySQL (InnoDB). {@code DATETIME} columns hold wall-clock readings compared in the session's time
 * zone, so cutoffs are bound as the store's local reading minus the age — what {@code NOW() - INTERVAL} gives;
 * {@code TIMESTAMP} columns are converted to the session zone before comparing, so the same value is right for
 * them too. The session zone is the server's default unless the url's {@code sessionVariables=time_zone=...}
 * or the store's {@code timeZone} setting says otherwise.
 *
 * <p>A batch runs under REPEATABLE READ: a locking count ({@code ... GROUP BY 1 FOR UPDATE}) takes next-key
 * locks on the range, so the change that follows in the same transaction touches exactly the counted rows.
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
    public Optional<String> rowBytes(String rowReference) {
        return Optional.empty();
    }
}
