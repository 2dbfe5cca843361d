package dev.lethe.jdbc.dialect;

import dev.lethe.core.store.ReferenceTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * Everything that differs between the SQL databases Lethe sweeps, asked as questions and answered with SQL
 * fragments, so the sweep itself is written once.
 *
 * <p>A dialect is chosen from the store's {@code type:} ({@link #forStoreType}); nothing outside this package
 * asks which database it talks to. What a dialect decides:
 * <ul>
 *   <li>connection set-up: driver properties, session settings, how a batch transaction begins;</li>
 *   <li>SQL text: identifier quoting, the lexical rules of literals and comments, {@code EXPLAIN};</li>
 *   <li>time: how to read the store's clock and which value to bind so that {@code column < :cutoff} means
 *       what {@code column < NOW() - INTERVAL ...} means in that database;</li>
 *   <li>batches: whether one statement can change rows and report their outcome counts, how to count and lock
 *       a key range, how a delete is cut into batches on a given table ({@link DeleteBatching}), and a
 *       table's size when that is cheap to read.</li>
 * </ul>
 */
public interface Dialect {

    /**
     * The dialect for a store type: {@code postgres}, {@code mariadb}, {@code mysql} or {@code sqlite}.
     *
     * @throws IllegalArgumentException for any other type
     */
    static Dialect forStoreType(String type) {
        return switch (type) {
            case "postgres" -> new PostgresDialect();
            case "mariadb", "mysql" -> new MariaDbDialect();
            case "sqlite" -> new SqliteDialect();
            default -> throw new IllegalArgumentException("no SQL dialect for store type '" + type
                    + "'; known types: postgres, mariadb, mysql, sqlite");
        };
    }

    /** A short name for messages and logs, e.g. {@code postgres}. */
    String name();

    /** The url handed to the driver for the configured {@code url}; the same by default. */
    default String driverUrl(String url) {
        return url;
    }

    /** Driver properties every connection of this dialect gets (credentials are added by the caller). */
    Properties connectionProperties();

    /**
     * Prepares a new connection: transaction mode, isolation, and the session time zone when configured.
     *
     * @param sessionTimeZone the store's {@code timeZone} setting, if any
     * @throws IllegalArgumentException when the dialect has no session time zone to set
     */
    void configureSession(Connection connection, Optional<String> sessionTimeZone) throws SQLException;

    /**
     * Begins a transaction. {@code write} transactions are the batches: they take whatever lock makes a count
     * followed by a change exact ({@link #reportsOutcomesInOneStatement()} is false for such dialects).
     */
    void begin(Connection connection, boolean write) throws SQLException;

    /** Commits the transaction {@link #begin} started. */
    void commit(Connection connection) throws SQLException;

    /** Rolls back the transaction {@link #begin} started. */
    void rollback(Connection connection) throws SQLException;

    /** Lexical rules the named-parameter rewriter needs. */
    SqlSyntax syntax();

    /** The character that quotes an identifier. */
    char identifierQuote();

    /** Quotes one identifier part, doubling any quote character inside it. */
    default String quote(String identifier) {
        String q = String.valueOf(identifierQuote());
        return q + identifier.replace(q, q + q) + q;
    }

    /** The statement that checks {@code sql} (names, syntax) without executing it. */
    String explain(String sql);

    /** A query returning one row from which {@link #readClock} reads the store's instant and wall-clock reading. */
    String clockQuery();

    /** The reference time in the row {@link #clockQuery()} returned. */
    ReferenceTime readClock(ResultSet row) throws SQLException;

    /**
     * The value bound for a point in time compared with a native date/time column, or for {@code :now} and
     * named cutoffs: chosen so that {@code column < ?} means {@code column < NOW() - INTERVAL ...} here.
     */
    Object timestampValue(ReferenceTime time);

    /** Binds one parameter; dialects override it where the driver's default type inference hurts. */
    default void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setObject(index, value);
    }

    /**
     * Whether one statement can apply the action and return per-outcome counts of exactly the rows it changed
     * (PostgreSQL: data-modifying CTEs with {@code RETURNING}). When false, a batch counts the range under a
     * lock first, then changes it in the same transaction.
     */
    boolean reportsOutcomesInOneStatement();

    /**
     * A query over {@code fromWhere} (a {@code FROM ... WHERE ...} clause) returning
     * {@code (outcome, count)} rows grouped by {@code outcome}, that also locks the rows it counts until the
     * end of the transaction (or relies on the transaction's lock, where the database locks the whole file).
     * {@code outcome} must appear before {@code fromWhere} in the text: their bound values are passed in that
     * order.
     */
    String lockingCount(String outcome, String fromWhere);

    /**
     * Whether {@code GROUP BY} over a whole table is cheap (a hash aggregate). When it is not (a sort of every row),
     * the plan counts each outcome with a conditional {@code COUNT} instead, which reads the table once and sorts
     * nothing, at the price of evaluating the predicate once per outcome.
     */
    default boolean groupsCheaply() {
        return true;
    }

    /**
     * How a delete policy without cascades is batched on {@code table}, decided from the database's catalog
     * (which server, what kind of table). Asked once per run, in a read transaction on {@code connection}.
     */
    default DeleteBatching deleteBatching(Connection connection, TableName table) throws SQLException {
        return DeleteBatching.KEY_RANGES;
    }

    /**
     * The bytes {@code table} occupies (its rows and their out-of-line values, not its indexes), when the database
     * can tell without reading the rows. Measuring each row instead costs more than deleting it; a plan divides
     * this by the row count to estimate the bytes of the rows it matches.
     */
    default OptionalLong tableBytes(Connection connection, TableName table) throws SQLException {
        return OptionalLong.empty();
    }

    /**
     * The rows {@code table} holds by the catalog's statistics, without reading them, or empty when the database
     * keeps none for it (never analyzed). A run that needs no count sizes its first batches from this.
     */
    default OptionalLong estimatedRows(Connection connection, TableName table) throws SQLException {
        return OptionalLong.empty();
    }

    /**
     * Whether a failure means the connection is gone (so the run must stop), rather than a problem of the
     * statement or of some rows (so the batch is retried row by row).
     */
    default boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08");
    }
}
