package dev.lethe.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A database under test. It builds fresh identical copies of the dataset and speaks its own SQL dialect for
 * the anchors; the contenders only ask it for statements and connections.
 */
interface BenchDatabase {

    /** {@code postgres}, {@code mariadb} or {@code sqlite}: the scenario name and Lethe's store type. */
    String name();

    /** A new autocommit connection to the benchmark database, with the session settings every contender gets. */
    Connection connect() throws SQLException;

    /**
     * Drops the table and builds a fresh copy of {@code rows} rows, then brings it to the same quiet state for
     * every contender (statistics gathered, dirty pages written), so no contender pays for another's setup.
     */
    void rebuild(long rows) throws SQLException;

    /** The policy's predicate with cutoffs computed from the database's clock, for hand-written anchors. */
    String eligiblePredicate();

    /**
     * One row with two columns read from the database's clock: the ack cutoff (now - 1h) and now, in the form
     * {@link #boundPredicate()} takes them back as parameters.
     */
    String cutoffsQuery();

    /** The policy's predicate with the ack cutoff and now as parameters 1 and 2, for frozen-time anchors. */
    default String boundPredicate() {
        return "(acked_at < ?) OR (acked_at IS NULL AND expires_at < ?)";
    }

    /** The {@code stores:} entry of a lethe.yaml that reaches this database. */
    String letheStoreYaml();

    /** Server version and the settings a reader needs to reproduce a figure. */
    Map<String, String> settings() throws SQLException;

    /** What is left in the table: rows, their id sum, and rows that still match the policy. */
    default Remaining remaining() throws SQLException {
        String sql = "SELECT count(*), coalesce(sum(id), 0), coalesce(sum(CASE WHEN " + eligiblePredicate()
                + " THEN 1 ELSE 0 END), 0) FROM " + Dataset.TABLE;
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new Remaining(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    /** Runs each statement in turn on {@code connection}. */
    static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /**
     * The server's version and the named settings, read on a new connection of {@code db}.
     *
     * @param settingQuery the query for one setting, {@code %s} standing for its name ({@code SHOW %s})
     */
    static Map<String, String> readSettings(BenchDatabase db, String versionQuery, String settingQuery,
                                            String... names) throws SQLException {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        try (Connection c = db.connect()) {
            settings.put("version", queryString(c, versionQuery));
            for (String name : names) {
                settings.put(name, queryString(c, settingQuery.formatted(name)));
            }
        }
        return settings;
    }

    /** The first column of a one-row query, as text. */
    static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * The table after a contender.
     *
     * @param rows          rows left
     * @param idSum         sum of their ids
     * @param stillEligible rows left that the policy still matches (a correct sweep leaves none)
     */
    record Remaining(long rows, long idSum, long stillEligible) {
        boolean matches(Dataset.Expected expected) {
            return rows == expected.remaining() && idSum == expected.remainingIdSum() && stillEligible == 0;
        }
    }
}
