package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.core.store.StoreException;
import dev.lethe.core.store.StoreSpec;
import dev.lethe.testsupport.SqlDatabase;
import dev.lethe.testsupport.SqlItemFixture;
import dev.lethe.testsupport.SqlStoreContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
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

    private RunReport runOn(String table, RunMode mode) {
        return run(policy(TableSelection.builder(table, "id").olderThan("created_at", HOUR).build())
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(2)).build(), mode, Clock.systemUTC(),
                RunListener.NONE);
    }

    @Test
    void aDeleteWalksTheRowidCountingEachBatchThenDeletingItUnderTheWriteLock() {
        fixture.createItems(items(1, 5, OLD, null));
        String table = ((SqlItemFixture) fixture).table();

        assertThat(runOn(table, RunMode.DRY_RUN).plan().statements()).satisfiesExactly(
                count -> assertThat(count).startsWith("SELECT MAX(lethe_position)").contains("SELECT rowid AS lethe_position")
                        .contains("ORDER BY rowid LIMIT 2"),
                delete -> assertThat(delete).startsWith("DELETE FROM").contains("rowid > ? AND rowid <= ?"));
        assertThat(runOn(table, RunMode.EXECUTE).deleted()).isEqualTo(5);
        assertThat(fixture.remainingIds()).isEmpty();
    }

    @Test
    void aWithoutRowidTableIsWalkedAlongItsKey() {
        String table = tables().create("clustered", "id INTEGER PRIMARY KEY, created_at TEXT NULL", "WITHOUT ROWID");
        for (long id = 1; id <= 5; id++) {
            tables().exec("INSERT INTO " + table + " VALUES (?, " + ago(id <= 3 ? OLD : YOUNG) + ")", id);
        }

        assertThat(runOn(table, RunMode.DRY_RUN).plan().statements())
                .anySatisfy(sql -> assertThat(sql).contains("ORDER BY `id` LIMIT 2"))
                .noneSatisfy(sql -> assertThat(sql).contains("rowid"));
        RunReport report = runOn(table, RunMode.EXECUTE);

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(tables().longs("SELECT id FROM " + table)).isEqualTo(ids(4, 5));
    }

    @Test
    void aColumnCalledRowidIsNotTakenForTheRowid() {
        String table = tables().create("shadow", "id INTEGER PRIMARY KEY, rowid TEXT NULL, created_at TEXT NULL");
        for (long id = 1; id <= 5; id++) {
            tables().exec("INSERT INTO " + table + " VALUES (?, 'zz', " + ago(id <= 3 ? OLD : YOUNG) + ")", id);
        }

        assertThat(runOn(table, RunMode.DRY_RUN).plan().statements()).allSatisfy(sql -> assertThat(sql).contains("_rowid_"));
        RunReport report = runOn(table, RunMode.EXECUTE);

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(3);
        assertThat(tables().longs("SELECT id FROM " + table)).isEqualTo(ids(4, 5));
    }

    @Test
    void aMissingDatabaseFileIsReportedNotCreated() {
        Path missing = FILE.resolveSibling("lethe-missing-" + System.nanoTime() + ".db");

        assertThatThrownBy(() -> new JdbcStoreProvider().open(new StoreSpec("notes", "sqlite", Map.of("path", missing.toString()))))
                .isInstanceOf(StoreException.class).hasMessageContaining("'notes'").hasMessageContaining("no database file");
        assertThat(missing).doesNotExist();
    }
}
