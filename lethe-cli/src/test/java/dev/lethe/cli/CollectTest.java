package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lethe collect session <id>} against real servers: keys in Redis (127.0.0.1:6379, under a private
 * prefix), rows demoted in PostgreSQL (a schema of the test's own) and rows deleted in SQLite, one report.
 */
class CollectTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path dir;

    private final String prefix = "lethe-cli-test:" + UUID.randomUUID() + ":";
    private final String schema = "lethe_collect_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private RedisClient redisClient;
    private RedisCommands<String, String> redis;
    private Path config;
    private Path notes;

    @BeforeEach
    void arrange() throws Exception {
        redisClient = RedisClient.create("redis://127.0.0.1:6379");
        StatefulRedisConnection<String, String> connection = redisClient.connect();
        redis = connection.sync();
        for (String session : List.of("41", "42")) {
            for (int i = 0; i < 3; i++) {
                redis.set(prefix + "session:" + session + ":msg" + i, "m");
            }
        }
        sql(POSTGRES + "?user=postgres", "CREATE SCHEMA " + schema,
                "CREATE TABLE " + schema + ".agent_logs (id BIGSERIAL PRIMARY KEY, session_id BIGINT, tier TEXT)",
                "INSERT INTO " + schema + ".agent_logs (session_id, tier) VALUES (41, 'hot'), (42, 'hot'), (42, 'hot'),"
                        + " (42, 'warm')");
        notes = dir.resolve("notes.db");
        sql("jdbc:sqlite:" + notes, "CREATE TABLE notes (id INTEGER PRIMARY KEY, session_id TEXT)",
                "INSERT INTO notes (session_id) VALUES ('41'), ('42')");
        config = dir.resolve("lethe.yaml");
        Files.writeString(config, """
                state: "jdbc:sqlite:%s"
                stores:
                  cache: { type: redis, uri: "redis://127.0.0.1:6379" }
                  app:   { type: postgres, url: "%s", user: postgres }
                  notes: { type: sqlite, path: "%s" }
                owners:
                  session:
                    - { store: cache, keys: "%ssession:{id}:*" }
                    - { store: app, table: %s.agent_logs, key: id, where: "session_id = :id AND tier = 'hot'", action: { update: { tier: warm } } }
                    - { store: notes, table: notes, key: id, where: "session_id = :id" }
                """.formatted(dir.resolve("state.db"), POSTGRES, notes, prefix, schema));
    }

    @AfterEach
    void cleanUp() throws SQLException {
        List<String> left = keys(prefix + "*");
        if (!left.isEmpty()) {
            redis.unlink(left.toArray(String[]::new));
        }
        redisClient.shutdown();
        sql(POSTGRES + "?user=postgres", "DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void collectRemovesOneSessionFromEveryStoreAndReportsEachMember() throws SQLException {
        Cli.Result result = Cli.run("collect", "session", "42", "--json", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode report = JsonDocument.parse(result.out());
        assertThat(report.get("kind").asText()).isEqualTo("session");
        assertThat(report.get("id").asText()).isEqualTo("42");
        assertThat(report.get("status").asText()).isEqualTo("ok");
        List<JsonNode> members = new ArrayList<>();
        report.get("members").forEach(members::add);
        assertThat(members).extracting(m -> m.get("store").asText()).containsExactly("cache", "app", "notes");
        assertThat(members).extracting(m -> m.get("deleted").asLong()).containsExactly(3L, 0L, 1L);
        assertThat(members).extracting(m -> m.get("updated").asLong()).containsExactly(0L, 2L, 0L);
        assertThat(keys(prefix + "session:42:*")).isEmpty();
        assertThat(keys(prefix + "session:41:*")).hasSize(3);
        assertThat(count(POSTGRES + "?user=postgres", "SELECT count(*) FROM " + schema + ".agent_logs WHERE tier = 'hot'"))
                .isEqualTo(1);
        assertThat(count("jdbc:sqlite:" + notes, "SELECT count(*) FROM notes")).isEqualTo(1);

        Cli.Result history = Cli.run("history", "--json", "--config", config.toString());
        assertThat(JsonDocument.parse(history.out()).get("runs")).hasSize(3);
    }

    @Test
    void textOutputListsEachMemberAndATotal() {
        Cli.Result result = Cli.run("collect", "session", "42", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("session.1 (store cache, keys " + prefix + "session:42:*): run ok")
                .contains("session.2 (store app, table " + schema + ".agent_logs): run ok")
                .contains("session 42: ok, 3 stores, 6 items removed or changed");
    }

    @Test
    void aDryRunPlansEachMemberAndChangesNothing() {
        Cli.Result result = Cli.run("collect", "session", "42", "--dry-run", "--json", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(JsonDocument.parse(result.out()).get("members").get(0).get("matched").asLong()).isEqualTo(3);
        assertThat(keys(prefix + "session:42:*")).hasSize(3);
    }

    @Test
    void anUnknownKindIsAUsageErrorWithASuggestion() {
        Cli.Result result = Cli.run("collect", "sesion", "42", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.errLines()).singleElement().asString()
                .endsWith("no owner kind named 'sesion'; did you mean 'session'? (known: session)");
    }

    private List<String> keys(String glob) {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> reply = redis.scan(cursor, ScanArgs.Builder.matches(glob).limit(1000));
            keys.addAll(reply.getKeys());
            cursor = reply;
        } while (!cursor.isFinished());
        return keys;
    }

    private static void sql(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(String url, String query) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
