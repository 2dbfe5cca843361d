package dev.lethe.jdbc.state;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** What Lethe needs to read out of a state URL: a safe-to-print form and, for SQLite, the database file. */
final class StateUrls {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^/@]*@");
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    private StateUrls() {
    }

    /** The URL with any password replaced by {@code ****}, for messages and logs. */
    static String redact(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(masked).replaceAll("$1****@");
    }

    /**
     * The database file of a {@code jdbc:sqlite:} URL, or empty for an in-memory database or a {@code file:}
     * URI (which SQLite resolves itself).
     */
    static Optional<Path> sqliteFile(String url) {
        String rest = url.substring(SQLITE_PREFIX.length());
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path));
    }

    /** {@code url} with a relative SQLite file made absolute against {@code base}; any other URL unchanged. */
    static String resolveSqliteFile(String url, Path base) {
        if (!url.startsWith(SQLITE_PREFIX)) {
            return url;
        }
        Optional<Path> file = sqliteFile(url);
        if (file.isEmpty() || file.get().isAbsolute()) {
            return url;
        }
        String rest = url.substring(SQLITE_PREFIX.length());
        int query = rest.indexOf('?');
        String parameters = query < 0 ? "" : rest.substring(query);
        return SQLITE_PREFIX + base.toAbsolutePath().normalize().resolve(file.get()).normalize() + parameters;
    }

    /** Whether the URL names a SQLite database that lives only in memory (and so keeps no history). */
    static boolean isSqliteInMemory(String url) {
        String rest = url.substring(SQLITE_PREFIX.length());
        return rest.isEmpty() || rest.startsWith(":memory:") || rest.contains("mode=memory");
    }
}
