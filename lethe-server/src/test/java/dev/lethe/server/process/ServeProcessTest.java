package dev.lethe.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.core.history.RunHistory;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.jdbc.lease.JdbcLeaseStore;
import dev.lethe.jdbc.state.StateStores;
import dev.lethe.server.testing.Eventually;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lethe serve} as a real process: start, API, reload, SIGTERM, secrets. */
class ServeProcessTest {

    static final String POSTGRES = System.getProperty("lethe.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("lethe.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private String state() {
        return "jdbc:sqlite:" + dir.resolve("state/lethe-state.db");
    }

    @Test
    void sigtermLetsTheBatchUnderWayFinishRecordsTheRunAsInterruptedReleasesTheLeaseAndExitsZero() throws Exception {
        SlowTable table = SlowTable.create(POSTGRES, 0.05);     // 5 rows a batch: 250 ms
        table.insert(200);
        try (DaemonProcess daemon = DaemonProcess.start(config("""
                state: "%s"
                stores:
                  app: { type: postgres, url: "%s" }
                policies:
                  sweep:
                    store: app
                    table: items
                    key: id
                    where: "1=1"
                    schedule: { every: 1s }
                    limits: { batchSize: 5, maxFraction: 1.0 }
                """.formatted(state(), table.url())), Map.of(), "--lease-ttl", "5s")) {
            Eventually.waitUntil("a run is under way", WAIT,
                    () -> daemon.policy("sweep").get("running").asBoolean() && table.count() < 200);

            Instant term = Instant.now();
            daemon.sigterm();

            assertThat(daemon.awaitExit(Duration.ofSeconds(20))).isZero();
            assertThat(Duration.between(term, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(daemon.output()).contains("lethe daemon stopped");
        } finally {
            long left = table.count();
            table.drop();
            assertThat(left).isBetween(1L, 195L);
        }
        try (RunHistory history = StateStores.open(state())) {
            RunRecord run = history.recent(Optional.of("sweep"), 1).get(0);
            RunReport report = run.report().orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(report.deleted()).isBetween(5L, 195L).matches(n -> n % 5 == 0, "whole batches only");
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("shutting down"));
        }
        assertThat(JdbcLeaseStore.open(state()).holder("policy:sweep")).as("lease released").isEmpty();
    }

    @Test
    void reloadRefusesABadConfigKeepingTheOldOneAndAppliesAGoodOne() throws Exception {
        Path db = dir.resolve("notes.db");
        createNotes(db);
        String good = """
                state: "%s"
                stores:
                  notes: { type: sqlite, path: "%s" }
                policies:
                  old-notes:
                    store: notes
                    table: notes
                    key: id
                    where: "id > 100"
                """.formatted(state(), db);
        Path file = config(good);
        try (DaemonProcess daemon = DaemonProcess.start(file, Map.of())) {
            Files.writeString(file, good.replace("    where:", "    wehre:"));
            HttpResponse<String> refused = daemon.post("/api/reload", DaemonProcess.TOKEN);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(DaemonProcess.json(refused).get("error").asText()).contains(file + ":9:5:").contains("where");
            assertThat(daemon.policy("old-notes").get("name").asText()).isEqualTo("old-notes");

            Files.writeString(file, good.replace("old-notes", "new-notes"));
            HttpResponse<String> applied = daemon.post("/api/reload", DaemonProcess.TOKEN);
            assertThat(applied.statusCode()).isEqualTo(200);
            assertThat(DaemonProcess.json(daemon.get("/api/policies")).get("policies")).singleElement()
                    .satisfies(p -> assertThat(p.get("name").asText()).isEqualTo("new-notes"));
            HttpResponse<String> run = daemon.post("/api/policies/new-notes/run?wait=true", DaemonProcess.TOKEN);
            assertThat(run.statusCode()).isEqualTo(200);
            assertThat(DaemonProcess.json(run).get("status").asText()).isEqualTo("ok");

            Files.writeString(file, good.replace("old-notes", "hup-notes"));
            daemon.sighup();
            Eventually.waitUntil("SIGHUP reloaded the config", WAIT,
                    () -> daemon.get("/api/policies").body().contains("\"hup-notes\""));

            daemon.sigterm();
            assertThat(daemon.awaitExit(Duration.ofSeconds(20))).isZero();
        }
    }

    @Test
    void aBadConfigAtStartExitsWithTwoAndOneLine() throws Exception {
        Path file = config("""
                policies:
                  p: { store: nowhere, table: t, key: id, where: "1=1" }
                """);
        try (DaemonProcess daemon = DaemonProcess.launch(file, Map.of())) {
            assertThat(daemon.awaitExit(WAIT)).isEqualTo(2);
            assertThat(daemon.output().strip()).startsWith(file + ":2:").doesNotContain("\n").doesNotContain("Exception");
        }
    }

    @Test
    void neitherTheAdminTokenNorAStorePasswordShowsInLogsOrApiAnswers() throws Exception {
        String password = "pw-never-show-9d2e";
        Path file = config("""
                state: "%s"
                server: { port: 9464, logFormat: json }
                stores:
                  app: { type: postgres, url: "jdbc:postgresql://127.0.0.1:1/app?password=${env:APP_PASSWORD}", user: app, password: "${env:APP_PASSWORD}" }
                policies:
                  sweep: { store: app, table: t, key: id, where: "1=1", schedule: { every: 1s, atStartup: true } }
                """.formatted(state()));
        // server.logFormat from the file; --port 0 (added by DaemonProcess) overrides server.port.
        try (DaemonProcess daemon = DaemonProcess.start(file, Map.of("APP_PASSWORD", password))) {
            Eventually.waitUntil("a failed run was recorded", WAIT, () -> "failed".equals(
                    daemon.policy("sweep").path("lastStatus").asText()));
            List<String> answers = List.of(daemon.get("/api/runs").body(), daemon.get("/api/policies").body(),
                    daemon.get("/metrics").body(), daemon.post("/api/policies/sweep/run?wait=true", DaemonProcess.TOKEN).body(),
                    daemon.post("/api/reload", "wrong").body());
            JsonNode report = null;
            for (JsonNode run : DaemonProcess.json(daemon.get("/api/runs?limit=5")).get("runs")) {
                report = report != null ? report : run.get("report");
            }
            assertThat(report.get("error").asText()).contains("store 'app'").contains("password=****");
            assertThat(daemon.get("/metrics").body()).contains("lethe_run_errors_total{kind=\"store\",policy=\"sweep\"}");

            daemon.sigterm();
            assertThat(daemon.awaitExit(WAIT)).isZero();
            assertThat(answers).noneSatisfy(a -> assertThat(a).containsAnyOf(password, DaemonProcess.TOKEN));
            assertThat(daemon.output()).doesNotContain(password).doesNotContain(DaemonProcess.TOKEN)
                    .contains("\"event\":\"run\"");
        }
    }

    private static void createNotes(Path db) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
            statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)"
                    + " INSERT INTO notes SELECT i FROM n");
        }
    }
}
