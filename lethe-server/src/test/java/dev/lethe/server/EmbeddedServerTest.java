package dev.lethe.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.history.InMemoryRunHistory;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Schedule;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.report.RunStatus;
import dev.lethe.core.store.StoreSpec;
import dev.lethe.server.testing.Eventually;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service embedding the scheduler through the Java API, without HTTP, against a real SQLite database. */
class EmbeddedServerTest {

    @TempDir
    Path dir;

    @Test
    void aServiceRunsPoliciesOnTheirScheduleAndStopsCleanly() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("app.db");
        execute(url, "CREATE TABLE sessions (id INTEGER PRIMARY KEY, ended INTEGER NOT NULL)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)"
                        + " INSERT INTO sessions (id, ended) SELECT i, i % 2 FROM n");

        // The example of docs/operations.md, "Embedding".
        Policy endedSessions = Policy.builder("ended-sessions")
                .store("app")
                .selection(TableSelection.builder("sessions", "id").where("ended = 1").build())
                .limits(Limits.defaults().withBatchSize(10))
                .schedule(new Schedule.Every(Duration.ofMillis(200), Duration.ZERO, false))
                .build();
        Engine engine = Engine.builder()
                .stores(new StoreRegistry().add(new StoreSpec("app", "sqlite", Map.of("url", url))))
                .history(new InMemoryRunHistory())
                .build();
        LetheServer server = LetheServer.builder()
                .workload(Workload.of(List.of(endedSessions), engine))
                .build()
                .start();

        Eventually.waitUntil("the ended sessions are gone", Duration.ofSeconds(10), () -> count(url) == 50);
        Eventually.waitUntil("a second, empty run", Duration.ofSeconds(10),
                () -> engine.history().recent(Optional.of("ended-sessions"), 10).stream()
                        .filter(run -> run.status() == RunStatus.OK).count() >= 2);
        assertThat(server.stop(Duration.ofSeconds(10))).isTrue();

        List<RunRecord> runs = engine.history().recent(Optional.empty(), 100);
        engine.close();
        // A run the stop caught under way ends interrupted; none is left running.
        assertThat(runs).allSatisfy(run -> assertThat(run.status()).isIn(RunStatus.OK, RunStatus.INTERRUPTED));
        assertThat(runs.get(runs.size() - 1).report().orElseThrow().deleted()).isEqualTo(50);
        assertThat(server.policies()).singleElement().satisfies(p -> assertThat(p.running()).isFalse());
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(String url) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM sessions")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
