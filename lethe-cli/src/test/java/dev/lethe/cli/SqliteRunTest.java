package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan, run and history end to end on a real SQLite database of the pending-uploads shape (70% stale). */
class SqliteRunTest {

    @TempDir
    Path dir;

    private Path db;
    private Path config;

    @BeforeEach
    void createDemoData() throws Exception {
        db = dir.resolve("app.db");
        DemoDatabase.create(db);
        config = dir.resolve("lethe.yaml");
        Files.writeString(config, Configs.sqlite(db));
    }

    @Test
    void planShowsWhatWouldHappenAndChangesNothing() throws SQLException {
        Cli.Result result = Cli.run("plan", "--config", config.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("pending-uploads (store app, table pending_uploads): plan ok")
                .contains("would delete  700 of 1,000 items (70.0%)")
                .contains("acked 400, expired 300")
                .contains("sample keys")
                .contains("statements");
        assertThat(rows()).isEqualTo(1000);
    }

    @Test
    void dryRunIsAPlan() throws SQLException {
        List<JsonNode> runs = JsonDocument.runs(Cli.run("run", "--dry-run", "--json", "--config", config.toString()).out());
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.get("dryRun").asBoolean()).isTrue();
            assertThat(run.get("matched").asLong()).isEqualTo(700);
            assertThat(run.get("deleted").asLong()).isZero();
        });
        assertThat(rows()).isEqualTo(1000);
    }

    @Test
    void runDeletesTheStaleRowsAndReportsThemPerOutcome() throws SQLException {
        Cli.Result result = Cli.run("run", "--config", config.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("pending-uploads (store app, table pending_uploads): run ok in ")
                .contains("deleted       700").contains("acked 400, expired 300");
        assertThat(rows()).isEqualTo(300);
        assertThat(count("acked_at IS NOT NULL")).as("recently acked rows are kept").isEqualTo(100);
    }

    @Test
    void onATerminalProgressIsDrawnOnStderrAndErasedBeforeTheReport() {
        Cli.Result result = Cli.run(true, "run", "--config", config.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        // maxFraction 1.0 and no maxItems: the run goes to its batches without counting first.
        assertThat(result.err()).startsWith("\rpending-uploads: started (not counted: no guard needs a count)")
                .endsWith("\r")
                .doesNotContain("\n");
        assertThat(result.out()).contains("deleted       700");
    }

    @Test
    void runJsonFollowsTheContract() {
        Cli.Result result = Cli.run("run", "--json", "--config", config.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode run = JsonDocument.runs(result.out()).get(0);
        assertThat(run.get("policy").asText()).isEqualTo("pending-uploads");
        assertThat(run.get("status").asText()).isEqualTo("ok");
        assertThat(run.get("dryRun").asBoolean()).isFalse();
        assertThat(run.get("matched").asLong()).isEqualTo(700);
        assertThat(run.get("deleted").asLong()).isEqualTo(700);
        assertThat(run.get("updated").asLong()).isZero();
        assertThat(run.get("failed").asLong()).isZero();
        assertThat(run.get("outcomes").get("acked").asLong()).isEqualTo(400);
        assertThat(run.get("outcomes").get("expired").asLong()).isEqualTo(300);
        assertThat(run.get("dataLoss").isArray()).isTrue();
        assertThat(run.get("warnings").isArray()).isTrue();
        assertThat(run.get("startedAt").asText()).endsWith("Z");
        assertThat(run.get("durationMs").isIntegralNumber()).isTrue();
    }

    @Test
    void historyShowsRunsNewestFirstFromTheStateFileNextToTheConfig() {
        Cli.run("plan", "--config", config.toString());
        Cli.run("run", "--config", config.toString());
        assertThat(dir.resolve("lethe-state.db")).exists();

        Cli.Result text = Cli.run("history", "--config", config.toString());
        assertThat(text.exitCode()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("ID", "POLICY", "STATUS");
        assertThat(lines.get(1)).contains("pending-uploads", "ok", "run", "700");
        assertThat(lines.get(2)).contains("pending-uploads", "ok", "plan");

        Cli.Result json = Cli.run("history", "--json", "--limit", "1", "--config", config.toString());
        JsonNode document = JsonDocument.parse(json.out());
        assertThat(document.get("runs")).hasSize(1);
        JsonNode entry = document.get("runs").get(0);
        assertThat(JsonDocument.fieldNames(entry)).startsWith("id", "policy", "store", "status", "dryRun", "startedAt");
        assertThat(entry.get("status").asText()).isEqualTo("ok");
        assertThat(JsonDocument.fieldNames(entry.get("report")).subList(0, JsonDocument.RUN_KEYS.size()))
                .isEqualTo(JsonDocument.RUN_KEYS);
        assertThat(entry.get("report").get("deleted").asLong()).isEqualTo(700);
    }

    @Test
    void emptyHistorySaysSo() {
        Cli.Result result = Cli.run("history", "--config", config.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("no runs recorded yet in jdbc:sqlite:");
        assertThat(JsonDocument.parse(Cli.run("history", "--json", "--config", config.toString()).out()).get("runs")).isEmpty();
    }

    @Test
    void itemsThatFailAreSkippedAndTheRunIsPartial() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE refs (upload_id INTEGER NOT NULL REFERENCES pending_uploads (id))");
            statement.execute("INSERT INTO refs VALUES (1), (2), (5)");
        }
        Cli.Result result = Cli.run("run", "--json", "--config", config.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        JsonNode run = JsonDocument.runs(result.out()).get(0);
        assertThat(run.get("status").asText()).isEqualTo("partial");
        assertThat(run.get("deleted").asLong()).isEqualTo(697);
        assertThat(run.get("failed").asLong()).isEqualTo(3);
        assertThat(run.get("warnings").get(0).asText()).contains("3 items failed");
        assertThat(rows()).isEqualTo(303);
    }

    @Test
    void onePolicyFailingNextToOneThatRanIsPartial() throws IOException, SQLException {
        Files.writeString(config, Configs.sqlite(db) + Configs.pendingUploads("missing-table", "no_such_table", "1.0"));
        Cli.Result result = Cli.run("run", "--json", "--config", config.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        List<JsonNode> runs = JsonDocument.runs(result.out());
        assertThat(runs).extracting(r -> r.get("status").asText()).containsExactly("ok", "failed");
        assertThat(rows()).isEqualTo(300);
    }

    @Test
    void aGuardRefusingTheOnlyPolicyIsFailureAndChangesNothing() throws IOException, SQLException {
        Files.writeString(config, Configs.sqlite(db).replace("maxFraction: 1.0", "maxFraction: 0.5"));
        Cli.Result result = Cli.run("run", "--config", config.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("run refused").contains("limits.maxFraction");
        assertThat(rows()).isEqualTo(1000);
    }

    @Test
    void aGuardRefusingOnePolicyNextToOneThatRanIsPartial() throws IOException {
        Files.writeString(config, Configs.sqlite(db) + Configs.pendingUploads("too-greedy", "pending_uploads", "0.1"));
        Cli.Result result = Cli.run("run", "--config", config.toString(), "--policy", "too-greedy", "--policy", "pending-uploads");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("2 policies: 1 ok, 1 refused");
        assertThat(result.out().indexOf("too-greedy")).as("runs in the order asked").isLessThan(result.out().indexOf("pending-uploads ("));
    }

    @Test
    void validateShowsTheEffectiveConfig() {
        Cli.Result result = Cli.run("validate", "--show", "--config", config.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("state: jdbc:sqlite:" + dir.toAbsolutePath().normalize().resolve("lethe-state.db"))
                .contains("app: sqlite").contains("pending-uploads:").contains("cutoff: :ackRetention = now - 1h");
        JsonNode json = JsonDocument.parse(Cli.run("validate", "--json", "--config", config.toString()).out());
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("policies").get(0).get("name").asText()).isEqualTo("pending-uploads");
    }

    private long rows() throws SQLException {
        return count("1=1");
    }

    private long count(String where) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM pending_uploads WHERE " + where)) {
            row.next();
            return row.getLong(1);
        }
    }
}
