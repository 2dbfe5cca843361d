package dev.lethe.jdbc.dialect;

import dev.lethe.core.store.ReferenceTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;

/**
 * PostgreSQL. Cutoffs are bound as {@code timestamptz} instants: a {@code timestamptz} column compares as an
 * instant, and a {@code timestamp} column is converted with the session's {@code TimeZone} first — exactly what
 * {@code column < now() - interval '1 hour'} does. The session zone is the JVM's zone unless the store sets
 * {@code timeZone} (the driver sends its own {@code TimeZone}, which overrides {@code options=-c TimeZone=...}
 * in the url).
 *
 * <p>Batches use one statement per range: a data-modifying CTE whose {@code RETURNING} rows are counted per
 * outcome, so the counts are those of exactly the rows changed.
 */
public final class PostgresDialect extends ServerDialect {

    private static final SqlSyntax SYNTAX = new SqlSyntax(false, true, false, false);

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Properties connectionProperties() {
        Properties properties = new Properties();
        // Shows up in pg_stat_activity, so operators can tell a sweep from the application.
        properties.setProperty("ApplicationName", "lethe");
        return properties;
    }

    @Override
    String setTimeZone() {
        return "SELECT set_config('TimeZone', ?, false)";
    }

    @Override
    public SqlSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public char identifierQuote() {
        return '"';
    }

    @Override
    public String clockQuery() {
        return "SELECT now(), localtimestamp";
    }

    @Override
    public ReferenceTime readClock(ResultSet row) throws SQLException {
        return new ReferenceTime(row.getObject(1, OffsetDateTime.class).toInstant(), row.getObject(2, LocalDateTime.class));
    }

    @Override
    public Object timestampValue(ReferenceTime time) {
        return OffsetDateTime.ofInstant(time.instant(), ZoneOffset.UTC);
    }

    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String) {
            // Untyped, so the server infers the type from the context: a key of type uuid, an enum column.
            statement.setObject(index, value, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    @Override
    public boolean reportsOutcomesInOneStatement() {
        return true;
    }

    @Override
    public String lockingCount(String outcome, String fromWhere) {
        // FOR UPDATE is not allowed next to GROUP BY, so the rows are locked in a derived table.
        return "SELECT lethe_outcome, COUNT(*) FROM (SELECT " + outcome + " AS lethe_outcome " + fromWhere
                + " FOR UPDATE) lethe_locked GROUP BY lethe_outcome";
    }

    @Override
    public Optional<String> rowBytes(String rowReference) {
        return Optional.of("pg_column_size(" + rowReference + ".*)");
    }
}
