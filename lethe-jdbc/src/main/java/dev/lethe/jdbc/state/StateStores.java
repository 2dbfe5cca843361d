package dev.lethe.jdbc.state;

import dev.lethe.core.history.RunHistory;
import dev.lethe.core.lease.LeaseStore;
import dev.lethe.core.state.StateStoreProvider;
import dev.lethe.core.state.StateStoreProviders;
import dev.lethe.jdbc.lease.JdbcLeaseStore;
import java.nio.file.Path;

/**
 * Opens the state store named by a config's {@code state:} URL: SQLite and PostgreSQL here, any other scheme
 * through a {@link StateStoreProvider} on the class path ({@code redis://} with {@code lethe-redis}).
 *
 * <pre>{@code
 * try (RunHistory history = StateStores.open("jdbc:sqlite:lethe-state.db")) {
 *     history.recent(Optional.empty(), 20).forEach(System.out::println);
 * }
 * }</pre>
 */
public final class StateStores {

    /** The state URL used when a config names none: a SQLite file in the working directory. */
    public static final String DEFAULT_URL = "jdbc:sqlite:lethe-state.db";

    private StateStores() {
    }

    /**
     * Opens, creating and migrating its tables as needed, the state store at {@code url}:
     * {@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://…}, or a URL a {@link StateStoreProvider} accepts.
     *
     * @throws IllegalArgumentException when no state store on the class path takes the URL
     * @throws StateStoreException      when a JDBC state store cannot be reached or migrated
     */
    public static RunHistory open(String url) {
        return StateDialect.recognises(url) ? new JdbcRunHistory(url) : provider(url).openHistory(url);
    }

    /**
     * Opens the leases of the state store at {@code url}: {@link JdbcLeaseStore} for SQLite and PostgreSQL, the
     * provider's lease store for any other URL ({@code redis://} with {@code lethe-redis}).
     *
     * @throws IllegalArgumentException when no state store on the class path takes the URL
     */
    public static LeaseStore openLeases(String url) {
        return StateDialect.recognises(url) ? JdbcLeaseStore.open(url) : provider(url).openLeases(url);
    }

    /**
     * Like {@link #open(String)}, but a relative SQLite file is taken relative to {@code baseDirectory} — the
     * config file's directory, so that {@code state:} means the same file wherever {@code lethe} is started,
     * like the relative {@code path:} of a sqlite store.
     */
    public static RunHistory open(String url, Path baseDirectory) {
        return open(resolve(url, baseDirectory));
    }

    /** The URL {@link #open(String, Path)} opens: a relative SQLite file made absolute, any other URL as is. */
    public static String resolve(String url, Path baseDirectory) {
        return StateUrls.resolveSqliteFile(url, baseDirectory);
    }

    /**
     * Checks, without connecting, that {@code url} names a state store this version can open.
     *
     * @throws IllegalArgumentException saying which URLs are supported
     */
    public static void requireSupported(String url) {
        if (!StateDialect.recognises(url)) {
            provider(url);
        }
    }

    private static StateStoreProvider provider(String url) {
        return StateStoreProviders.forUrl(url).orElseThrow(() -> StateDialect.unsupported(url));
    }

    /** {@code url} with any password masked, for display ({@code lethe validate --show}, messages). */
    public static String redact(String url) {
        return StateUrls.redact(url);
    }
}
