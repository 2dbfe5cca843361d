package dev.lethe.jdbc.dialect;

import dev.lethe.core.store.ReferenceTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * PostgreSQL. Cutoffs are bound as {@code timestamptz} instants: a {@code timestamptz} column compares as an
 * instant, and a {@code timestamp} column is converted with the session's {@code TimeZone} first — exactly what
 * {@code column < now() - interval '1 hour'} does. The session zone is the JVM's zone unless the store sets
 * {@code timeZone} (the driver sends its own {@code TimeZone}, which overrides {@code options=-c TimeZone=...}
 * in the url).
 *
 * <p>Batches use one statement per range: a data-modifying CTE whose {@code RETURNING} rows are counted per
 * outcome, so the counts are those of exactly the rows changed. A delete of a plain table walks ranges of its
 * physical blocks ({@link DeleteBatching.BlockRanges}, TID Range Scans of PostgreSQL 14 and later) and counts on
 * the batch's snapshot instead; other tables and actions walk key ranges.
 *
 * <p>The store's sessions commit with {@code synchronous_commit = off}: a batch's commit returns without waiting for
 * its WAL to reach the disk, which saves a disk flush per batch (about a fifth of a sweep's time). It is safe here
 * because every action is one Lethe repeats: a crash of the server can lose at most the last few hundred
 * milliseconds of commits, which then never happened — whole transactions, never half of one — and the rows they
 * deleted, moved or demoted still match and are taken by the next run. (The run's report, written to the state
 * store, may then count them twice.) A url with {@code options=-c%20synchronous_commit%3Don} restores durable
 * commits.
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
        // A lost batch commit un-deletes (see the class note); an options parameter in the url replaces this one.
        properties.setProperty("options", "-c synchronous_commit=off");
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
    public DeleteBatching deleteBatching(Connection connection, TableName table) throws SQLException {
        // Before PostgreSQL 14 a ctid range is a filter, not a scan: every batch would read the whole table. Only a
        // plain table's ctids address all of its rows: deleting from a partitioned table, a view or a parent with
        // inheritance children reaches rows of other relations, whose blocks the range does not describe.
        // The second column: nothing can make a DELETE skip a row a SELECT sees (a BEFORE trigger returning NULL, a
        // rule, row-level security), so a batch may count by reading (SnapshotCountedDelete).
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.oid, NOT c.relhasrules"
                + " AND NOT c.relrowsecurity AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid"
                + " AND NOT t.tgisinternal) FROM pg_class c WHERE c.oid = to_regclass(?)"
                + " AND c.relkind = 'r' AND NOT c.relhassubclass"
                + " AND current_setting('server_version_num')::int >= 140000")) {
            statement.setString(1, table.quoted());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return DeleteBatching.KEY_RANGES;
                }
                // format() is stable, so the planner still sees constant bounds and plans a TID Range Scan, for
                // generic plans of the prepared statement too.
                return new DeleteBatching.BlockRanges(
                        "ctid >= format('(%s,0)', ?::bigint)::tid AND ctid < format('(%s,0)', ?::bigint)::tid",
                        "SELECT pg_relation_size(" + row.getLong(1)
                                + "::oid) / current_setting('block_size')::bigint", row.getBoolean(2));
            }
        }
    }

    @Override
    public OptionalLong tableBytes(Connection connection, TableName table) throws SQLException {
        return single(connection, "SELECT pg_table_size(c.oid) FROM pg_class c WHERE c.oid = to_regclass(?)", table);
    }

    @Override
    public OptionalLong estimatedRows(Connection connection, TableName table) throws SQLException {
        // As the planner estimates: the density of the last VACUUM or ANALYZE times the table's current size, so a
        // table that grew since keeps its rows per block. reltuples is -1 (0 before PostgreSQL 14) until then.
        return single(connection, "SELECT (c.reltuples / c.relpages * (pg_relation_size(c.oid)"
                + " / current_setting('block_size')::bigint))::bigint FROM pg_class c"
                + " WHERE c.oid = to_regclass(?) AND c.reltuples > 0 AND c.relpages > 0", table);
    }

    /** The number in the first column of {@code query}'s row about {@code table}, if it returns one. */
    private static OptionalLong single(Connection connection, String query, TableName table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, table.quoted());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}
