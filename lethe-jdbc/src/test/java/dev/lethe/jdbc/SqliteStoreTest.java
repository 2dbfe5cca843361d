package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.store.StoreException;
import dev.lethe.core.store.StoreSpec;
import dev.lethe.testsupport.SqlDatabase;
import dev.lethe.testsupport.SqlStoreContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The SQL store contract against an embedded SQLite database file. */
class SqliteStoreTest extends SqlStoreContractTest {

    private static final Path FILE = createDatabaseFile();

    private static Path createDatabaseFile() {
        try {
            Path file = Files.createTempFile("lethe-sqlite-contract", ".db");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SqlDatabase database() {
        return new SqlDatabase() {
            @Override
            public String storeType() {
                return "sqlite";
            }

            @Override
            public Map<String, String> storeSettings() {
                return Map.of("path", FILE.toString());
            }

            @Override
            public Connection connect() throws SQLException {
                Properties properties = new Properties();
                properties.setProperty("busy_timeout", "5000");
                return DriverManager.getConnection("jdbc:sqlite:" + FILE, properties);
            }

            @Override
            public List<String> timestampTypes() {
                return List.of("TEXT", "DATETIME");
            }

            @Override
            public String secondsAgo(long seconds) {
                return "strftime('%Y-%m-%d %H:%M:%f', 'now', '" + String.format("%+d", -seconds) + " seconds')";
            }

            @Override
            public String epochSecondsNow() {
                return "((julianday('now') - 2440587.5) * 86400.0)";
            }

            @Override
            public Optional<String> sessionTimeZoneQuery() {
                return Optional.empty();
            }

            @Override
            public Map<String, String> unreachableStoreSettings() {
                return Map.of("path", FILE.resolveSibling("no-such-dir").resolve("missing.db").toString());
            }
        };
    }

    @Test
    void storeConnectionsUseWriteAheadLogging() {
        fixture.createItems(items(1, 2, OLD, null));

        run(policy(fixture.olderThan(HOUR, List.of())).build());

        assertThat(tables().column("PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void aMissingDatabaseFileIsReportedNotCreated() {
        Path missing = FILE.resolveSibling("lethe-missing-" + System.nanoTime() + ".db");

        assertThatThrownBy(() -> new JdbcStoreProvider().open(new StoreSpec("notes", "sqlite", Map.of("path", missing.toString()))))
                .isInstanceOf(StoreException.class).hasMessageContaining("'notes'").hasMessageContaining("no database file");
        assertThat(missing).doesNotExist();
    }
}
