package dev.lethe.server.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.server.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores and the state store going down under a running daemon, on a PostgreSQL server of the test's own that
 * it stops ({@code -m immediate}, cutting connections mid-statement) and starts again.
 */
class FaultTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static PrivatePostgres server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPrivatePostgres() throws Exception {
        Optional<Path> bin = PrivatePostgres.binaries();
        assumeTrue(bin.isPresent(), "PostgreSQL server binaries (initdb, pg_ctl) are not installed");
        server = PrivatePostgres.start(bin.get());
    }

    @AfterAll
    static void stopPrivatePostgres() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStoreThatGoesDownMidRunFailsItsRunsWhileOtherPoliciesGoOnAndRecoversOnTheNextTick() throws Exception {
        SlowTable table = SlowTable.create(server.url(), 0.02);
        table.insert(500);
        Path notes = dir.resolve("notes.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + notes)) {
            connection.createStatement().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
        }
        Path config = dir.resolve("lethe.yaml");
        Files.writeString(config, """
                state: "jdbc:sqlite:%s"
                stores:
                  remote: { type: postgres, url: "%s" }
                  local: { type: sqlite, path: "%s" }
                policies:
                  remote-sweep:
                    store: remote
                    table: items
                    key: id
                    where: "1=1"
                    schedule: { every: 1s }
                    limits: { batchSize: 10, maxFraction: 1.0 }
                  local-sweep:
                    store: local
                    table: notes
                    key: id
                    where: "id > 0"
                    schedule: { every: 1s }
                """.formatted(dir.resolve("state.db"), table.url(), notes));
        try (DaemonProcess daemon = DaemonProcess.start(config, Map.of(), "--lease-ttl", "5s")) {
            Eventually.waitUntil("remote-sweep is mid-run", WAIT,
                    () -> daemon.policy("remote-sweep").get("running").asBoolean() && table.count() < 490);

            server.stop();
            JsonNode broken = Eventually.waitFor("the cut-off run recorded with its error", WAIT,
                    () -> runs(daemon, "remote-sweep").stream().filter(r -> r.has("report") && r.get("report").has("error"))
                            .findFirst().orElse(null));
            assertThat(broken.get("status").asText()).isIn("failed", "partial");
            assertThat(broken.get("report").get("error").asText()).contains("remote");
            long localRuns = okRuns(daemon, "local-sweep");
            Eventually.waitUntil("a retry on the next tick failed too, and local-sweep went on", WAIT,
                    () -> failedRuns(daemon, "remote-sweep") >= 2 && okRuns(daemon, "local-sweep") >= localRuns + 2);
            assertThat(daemon.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(daemon.get("/metrics").body()).containsPattern(
                    "lethe_run_errors_total\\{kind=\"store\",policy=\"remote-sweep\"} [2-9]");

            server.start();
            Eventually.waitUntil("remote-sweep succeeds again", WAIT, () -> table.count() == 0
                    && runs(daemon, "remote-sweep").stream().anyMatch(r -> r.get("status").asText().equals("ok")));

            daemon.sigterm();
            assertThat(daemon.awaitExit(WAIT)).isZero();
        } finally {
            ensureUp();
            table.drop();
        }
    }

    @Test
    void aStateStoreThatGoesDownWithTheStoreLeavesTheDaemonRunningAndWorkResumesWhenItIsBack() throws Exception {
        SlowTable table = SlowTable.create(server.url(), 0.02);
        table.insert(500);
        Path config = dir.resolve("lethe.yaml");
        Files.writeString(config, """
                state: "%s"
                stores:
                  remote: { type: postgres, url: "%s" }
                policies:
                  remote-sweep:
                    store: remote
                    table: items
                    key: id
                    where: "1=1"
                    schedule: { every: 1s }
                    limits: { batchSize: 10, maxFraction: 1.0 }
                """.formatted(table.url(), table.url()));
        try (DaemonProcess daemon = DaemonProcess.start(config, Map.of(), "--lease-ttl", "3s")) {
            Eventually.waitUntil("remote-sweep is mid-run", WAIT,
                    () -> daemon.policy("remote-sweep").get("running").asBoolean() && table.count() < 490);

            server.stop();
            Eventually.waitUntil("ticks fail for want of the state store", WAIT, () -> daemon.get("/metrics").body()
                    .matches("(?s).*lethe_run_errors_total\\{kind=\"state\",policy=\"remote-sweep\"} [3-9].*"));
            assertThat(daemon.get("/healthz").statusCode()).isEqualTo(200);

            server.start();
            Eventually.waitUntil("remote-sweep runs ok again and is recorded", WAIT, () -> table.count() == 0
                    && runs(daemon, "remote-sweep").stream().anyMatch(r -> r.get("status").asText().equals("ok")));

            daemon.sigterm();
            assertThat(daemon.awaitExit(WAIT)).isZero();
            assertThat(daemon.output()).contains("cannot take lease policy:remote-sweep");
        } finally {
            ensureUp();
            table.drop();
        }
    }

    private static List<JsonNode> runs(DaemonProcess daemon, String policy) {
        List<JsonNode> runs = new ArrayList<>();
        var response = daemon.get("/api/runs?limit=200&policy=" + policy);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        DaemonProcess.json(response).get("runs").forEach(runs::add);
        return runs;
    }

    private static long okRuns(DaemonProcess daemon, String policy) {
        return runs(daemon, policy).stream().filter(r -> r.get("status").asText().equals("ok")).count();
    }

    private static long failedRuns(DaemonProcess daemon, String policy) {
        return runs(daemon, policy).stream().filter(r -> r.get("status").asText().equals("failed")).count();
    }

    private static void ensureUp() throws Exception {
        try (var connection = DriverManager.getConnection(server.url())) {
            connection.isValid(2);
        } catch (java.sql.SQLException down) {
            server.start();
        }
    }
}
