package dev.lethe.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL database a {@link SqlStoreContractTest} runs against, described by the store module: how the store
 * reaches it, how the test reaches it directly, and the few bits of SQL that differ between databases.
 */
public interface SqlDatabase {

    /** The store type, e.g. {@code postgres}. */
    String storeType();

    /** The store's settings ({@code url}, {@code user}, {@code path}...), with a non-UTC session time zone. */
    Map<String, String> storeSettings();

    /**
     * A direct connection in auto-commit mode with the same session settings (time zone) as the store's, for
     * creating and inspecting the test's tables.
     */
    Connection connect() throws SQLException;

    /** Native date/time column types to check cutoffs against; the first is used by most tests. */
    List<String> timestampTypes();

    /**
     * An expression for the database's current time moved back by {@code seconds} (forward when negative),
     * storable in each of {@link #timestampTypes()} the way the application would store "now" there.
     */
    String secondsAgo(long seconds);

    /** An expression for the database's current time in (fractional) seconds since the epoch. */
    String epochSecondsNow();

    /** Appended to {@code CREATE TABLE}, e.g. {@code ENGINE=InnoDB}. */
    default String tableOptions() {
        return "";
    }

    /** A query returning the session's time zone, where the database has one. */
    Optional<String> sessionTimeZoneQuery();

    /** Settings of a store that cannot be reached; they include the password {@code "s3cr3t-pw"} where one applies. */
    Map<String, String> unreachableStoreSettings();
}
