package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, run and history on the real PostgreSQL server, with the state store in PostgreSQL too (as a team
 * sharing one state store would run it). Everything lives in a schema of its own, dropped afterwards.
 */
class PostgresRunTest {

    private static final String SERVER = System.getProperty("lethe.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @TempDir
    Path dir;

    private String schema;
    private Path config;

    @BeforeEach
    void createPendingUploads() throws Exception {
        schema = "lethe_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema,
                "CREATE TABLE " + schema + ".pending_uploads (id BIGINT PRIMARY KEY, acked_at TIMESTAMPTZ,"
                        + " expires_at TIMESTAMPTZ NOT NULL)",
                // Per ten rows: 4 acked 3 h ago, 1 acked 10 min ago, 3 unacked and expired, 2 unacked and live.
                "INSERT INTO " + schema + ".pending_uploads SELECT i,"
                        + " CASE WHEN i % 10 < 4 THEN now() - interval '3 hours'"
                        + "      WHEN i % 10 = 4 THEN now() - interval '10 minutes' END,"
                        + " CASE WHEN i % 10 BETWEEN 5 AND 7 THEN now() - interval '30 minutes'"
                        + "      ELSE now() + interval '1 hour' END"
                        + " FROM generate_series(1, 1000) AS i");
        config = dir.resolve("lethe.yaml");
        Files.writeString(config, "state: \"" + SERVER + "&currentSchema=" + schema + "\"\n"
                + "stores:\n  app: { type: postgres, url: \"jdbc:postgresql://127.0.0.1:5432/test\", user: postgres }\n"
                + "policies:\n" + Configs.pendingUploads("pending-uploads", schema + ".pending_uploads", "1.0"));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void planChangesNothingThenRunDeletesTheStaleRowsAndHistoryIsInPostgres() throws SQLException {
        Cli.Result plan = Cli.run("plan", "--json", "--config", config.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(JsonDocument.runs(plan.out()).get(0).get("matched").asLong()).isEqualTo(700);
        assertThat(count("1=1")).isEqualTo(1000);

        Cli.Result run = Cli.run("run", "--json", "--config", config.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = JsonDocument.runs(run.out()).get(0);
        assertThat(report.get("status").asText()).isEqualTo("ok");
        assertThat(report.get("deleted").asLong()).isEqualTo(700);
        assertThat(report.get("outcomes").get("acked").asLong()).isEqualTo(400);
        assertThat(report.get("outcomes").get("expired").asLong()).isEqualTo(300);
        assertThat(count("1=1")).isEqualTo(300);
        assertThat(count("acked_at IS NOT NULL")).isEqualTo(100);

        JsonNode history = JsonDocument.parse(Cli.run("history", "--json", "--config", config.toString()).out());
        assertThat(history.get("runs")).hasSize(2);
        assertThat(history.get("runs").get(0).get("report").get("deleted").asLong()).isEqualTo(700);
        assertThat(history.get("runs").get(1).get("dryRun").asBoolean()).isTrue();
        assertThat(countIn(schema + ".lethe_runs")).as("history is in the config's PostgreSQL schema").isEqualTo(2);
    }

    private long count(String where) throws SQLException {
        return countIn(schema + ".pending_uploads WHERE " + where);
    }

    private static long countIn(String from) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + from)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
