package dev.lethe.bench;

import static dev.lethe.bench.BenchDatabase.execute;
import static dev.lethe.bench.BenchDatabase.queryString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An SQLite file in the work directory, opened through the xerial driver with the pragmas Lethe's SQLite
 * store sets (WAL journal, {@code synchronous=NORMAL}, busy timeout, foreign keys), so the raw anchor runs
 * under the same durability.
 *
 * <p>Every copy is a new file: a dropped table would leave free pages that make the next copy's layout
 * differ. Times are ISO text in UTC, {@code 'YYYY-MM-DD HH:MM:SS.SSS'}, which sort as they compare.
 */
final class SqliteDatabase implements BenchDatabase {

    static final String TIME_FORMAT = "'%Y-%m-%d %H:%M:%f'";
    /** The connection settings both Lethe and the anchor run with. */
    static final String[] PRAGMAS = {
            "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000", "PRAGMA foreign_keys=ON"};

    private final Path file;

    SqliteDatabase(Path workDir) {
        this.file = workDir.resolve("sqlite").resolve("lethe_bench.db").toAbsolutePath();
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        execute(c, PRAGMAS);
        return c;
    }

    @Override
    public void rebuild(long rows) throws SQLException {
        deleteFiles();
        String t = Dataset.TABLE;
        try (Connection c = connect()) {
            execute(c, "CREATE TABLE " + t + " (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, payload TEXT NOT NULL,"
                    + " created_at TEXT NOT NULL, expires_at TEXT NOT NULL, acked_at TEXT)");
            String insert = "INSERT INTO " + t + " (id, owner, payload, created_at, expires_at, acked_at)"
                    + " WITH RECURSIVE seq(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM seq WHERE g < ?)"
                    + " SELECT id, 'owner-' || " + Dataset.ownerNumber("id") + ","
                    + " printf('upload-%010d:%082d', id, " + Dataset.payloadNumber("id") + "),"
                    + " strftime(" + TIME_FORMAT + ", 'now', c || ' minutes'),"
                    + " strftime(" + TIME_FORMAT + ", 'now', (c + " + Dataset.ttlMinutes() + ") || ' minutes'),"
                    + " strftime(" + TIME_FORMAT + ", 'now', a || ' minutes')"
                    + " FROM (SELECT id, " + Dataset.createdOffsetMinutes() + " AS c, "
                    + Dataset.ackedOffsetMinutes() + " AS a FROM (SELECT " + Dataset.bucketColumns("g") + " FROM seq) s) r";
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setLong(1, rows);
                ps.executeUpdate();
            }
            execute(c, "ANALYZE", "PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private void deleteFiles() {
        try {
            Files.createDirectories(file.getParent());
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the SQLite file " + file, e);
        }
    }

    @Override
    public String eligiblePredicate() {
        return "(acked_at < strftime(" + TIME_FORMAT + ", 'now', '-1 hour'))"
                + " OR (acked_at IS NULL AND expires_at < strftime(" + TIME_FORMAT + ", 'now'))";
    }

    @Override
    public String cutoffsQuery() {
        return "SELECT strftime(" + TIME_FORMAT + ", 'now', '-1 hour'), strftime(" + TIME_FORMAT + ", 'now')";
    }

    @Override
    public String letheStoreYaml() {
        return "{ type: sqlite, path: \"" + file + "\" }";
    }

    @Override
    public Map<String, String> settings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = connect()) {
            settings.put("version", queryString(c, "SELECT sqlite_version()"));
            settings.put("pragmas", String.join("; ", PRAGMAS));
            settings.put("cache_size", queryString(c, "PRAGMA cache_size"));
            settings.put("page_size", queryString(c, "PRAGMA page_size"));
        }
        settings.put("file", file.toString());
        return settings;
    }
}
