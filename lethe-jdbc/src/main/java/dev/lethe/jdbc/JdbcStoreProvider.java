package dev.lethe.jdbc;

import dev.lethe.core.store.Store;
import dev.lethe.core.store.StoreException;
import dev.lethe.core.store.StoreProvider;
import dev.lethe.core.store.StoreSpec;
import dev.lethe.jdbc.dialect.Dialect;
import dev.lethe.jdbc.internal.JdbcSession;
import dev.lethe.jdbc.internal.JdbcStore;
import dev.lethe.jdbc.internal.PolicyOnStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Opens SQL stores: {@code postgres}, {@code mariadb}, {@code mysql} and {@code sqlite}.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code url} — the JDBC url ({@code jdbc:postgresql://…}, {@code jdbc:mariadb://…}, {@code jdbc:mysql://…},
 *       {@code jdbc:sqlite:…}); {@code user} and {@code password} when the server needs them;</li>
 *   <li>{@code path} — for {@code sqlite}, instead of {@code url}: the database file, which must exist (a sweep
 *       never creates an empty database);</li>
 *   <li>{@code timeZone} — optional session time zone (PostgreSQL: an IANA name such as {@code Europe/Berlin};
 *       MariaDB: a name or an offset such as {@code +09:00}). It decides what {@code timestamp without time zone}
 *       and {@code DATETIME} columns mean; set it to the zone the application writes them in. Without it,
 *       PostgreSQL sessions use the JVM's zone (the driver sends it, overriding {@code options=-c TimeZone} in the
 *       url) and MariaDB sessions the server's, unless the url sets {@code sessionVariables=time_zone=…}.</li>
 * </ul>
 * The store connects at once, so a store that cannot be reached fails here, with a message naming the store
 * and its url (never its password).
 */
public final class JdbcStoreProvider implements StoreProvider {

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO_IN_URL = Pattern.compile("//([^/:@]+):[^/@]*@");

    @Override
    public Set<String> types() {
        return Set.of("postgres", "mariadb", "mysql", "sqlite");
    }

    @Override
    public Store open(StoreSpec spec) {
        Dialect dialect = Dialect.forStoreType(spec.type());
        String url = url(spec);
        Properties properties = dialect.connectionProperties();
        spec.setting("user").ifPresent(user -> properties.setProperty("user", user));
        spec.setting("password").ifPresent(password -> properties.setProperty("password", password));
        Optional<String> timeZone = spec.setting("timeZone");
        JdbcSession session = new JdbcSession(dialect, () -> {
            Connection connection = DriverManager.getConnection(dialect.driverUrl(url), properties);
            try {
                dialect.configureSession(connection, timeZone);
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        });
        try {
            session.connect();
        } catch (SQLException | IllegalArgumentException e) {
            String message = e instanceof SQLException sql ? PolicyOnStore.firstLine(sql) : e.getMessage();
            String password = spec.setting("password").orElse("");
            if (!password.isEmpty()) {
                message = message.replace(password, "****");
            }
            throw new StoreException("store '" + spec.name() + "' (" + spec.type() + "): cannot connect to "
                    + redacted(url) + ": " + message, null);
        }
        return new JdbcStore(spec.name(), session);
    }

    private static String url(StoreSpec spec) {
        Optional<String> url = spec.setting("url");
        Optional<String> path = spec.setting("path");
        if (spec.type().equals("sqlite") && url.isEmpty() && path.isPresent()) {
            if (!Files.isRegularFile(Path.of(path.get()))) {
                throw new StoreException("store '" + spec.name() + "' (sqlite): no database file at " + path.get()
                        + "; a sweep never creates one (check 'path')");
            }
            return "jdbc:sqlite:" + path.get();
        }
        return url.orElseThrow(() -> new StoreException("store '" + spec.name() + "' (" + spec.type() + "): setting 'url'"
                + (spec.type().equals("sqlite") ? " or 'path'" : "") + " is required"));
    }

    /** The url as it may be shown: a password in its query string or user-info part is masked. */
    static String redacted(String url) {
        String masked = PASSWORD_IN_URL.matcher(url).replaceAll("$1****");
        return USER_INFO_IN_URL.matcher(masked).replaceAll("//$1:****@");
    }
}
