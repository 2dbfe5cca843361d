package dev.lethe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.owner.CollectReport;
import dev.lethe.core.owner.OwnerKind;
import dev.lethe.core.owner.OwnerMember;
import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.policy.UpdateValue;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.core.store.StoreSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code lethe collect session <id>} through the Java API: one owner's items leave Redis, PostgreSQL and SQLite. */
@ExtendWith(RedisServers.Standalone.class)
class CollectOwnerTest {

    private final Postgres postgres = new Postgres();
    private final String prefix = "lethe-test:" + UUID.randomUUID() + ":";
    @TempDir
    Path dir;
    private RedisDeployment redis;
    private String logs;
    private String sqlite;

    @BeforeEach
    void setUp(RedisDeployment deployment) throws SQLException {
        redis = deployment;
        logs = postgres.table("agent_logs", "id BIGSERIAL PRIMARY KEY, session_id BIGINT NOT NULL, tier TEXT NOT NULL");
        postgres.execute("INSERT INTO " + logs + " (session_id, tier) SELECT s, 'hot' FROM generate_series(40, 44) s,"
                + " generate_series(1, 3)");
        sqlite = "jdbc:sqlite:" + dir.resolve("notes.db");
        sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL)",
                "INSERT INTO notes (session_id) VALUES ('41'), ('42'), ('42'), ('43')");
        for (String session : List.of("41", "42", "43", "4*")) {
            for (int i = 0; i < 3; i++) {
                redis.keys().set(prefix + "session:" + session + ":msg" + i, "m");
            }
        }
    }

    @AfterEach
    void tearDown() {
        redis.deleteAll(prefix);
        postgres.close();
    }

    private OwnerKind session() {
        return new OwnerKind("session", List.of(
                OwnerMember.delete("cache", KeySelection.matching(prefix + "session:{id}:*")),
                new OwnerMember("app", TableSelection.builder(logs, "id").where("session_id = :id AND tier = 'hot'").build(),
                        Action.update(Map.of("tier", UpdateValue.literal("warm"))), Limits.defaults().withMaxFraction(1.0)),
                OwnerMember.delete("notes", TableSelection.builder("notes", "id").where("session_id = :id").build())));
    }

    private CollectReport collect(OwnerKind kind, String id) {
        try (Engine engine = Engine.builder().stores(new StoreRegistry().add(redis.spec("cache")).add(postgres.spec("app"))
                .add(new StoreSpec("notes", "sqlite", Map.of("url", sqlite)))).build()) {
            return engine.collect(kind, id);
        }
    }

    @Test
    void oneOwnersItemsLeaveEveryStoreAndOneReportListsEachMember() {
        CollectReport report = collect(session(), "42");

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.kind()).isEqualTo("session");
        assertThat(report.id()).isEqualTo("42");
        assertThat(report.members()).extracting(RunReport::policy).containsExactly("session.1", "session.2", "session.3");
        assertThat(report.members()).extracting(RunReport::store).containsExactly("cache", "app", "notes");
        assertThat(report.members()).extracting(RunReport::deleted).containsExactly(3L, 0L, 2L);
        assertThat(report.members()).extracting(RunReport::updated).containsExactly(0L, 3L, 0L);
        assertThat(report.processed()).isEqualTo(8);
        assertThat(redis.scan(prefix + "session:42:*")).isEmpty();
        assertThat(redis.scan(prefix + "session:*")).hasSize(9);
        assertThat(postgres.count("SELECT count(*) FROM " + logs + " WHERE tier = 'warm'")).isEqualTo(3);
        assertThat(postgres.count("SELECT count(*) FROM " + logs + " WHERE tier = 'warm' AND session_id <> 42")).isZero();
        assertThat(sqlCount("SELECT count(*) FROM notes")).isEqualTo(2);
    }

    @Test
    void anIdWithGlobCharactersMatchesOnlyItsOwnKeys() {
        OwnerKind cacheOnly = new OwnerKind("session", List.of(session().members().get(0)));

        CollectReport report = collect(cacheOnly, "4*");

        assertThat(report.members().get(0).deleted()).isEqualTo(3);
        assertThat(redis.scan(prefix + "session:*")).hasSize(9).noneMatch(key -> key.contains(":4*:"));
    }

    @Test
    void anIdIsBoundNeverSplicedIntoSql() {
        OwnerKind notesOnly = new OwnerKind("session", List.of(session().members().get(2)));

        CollectReport report = collect(notesOnly, "42' OR '1'='1");

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.processed()).isZero();
        assertThat(sqlCount("SELECT count(*) FROM notes")).isEqualTo(4);
    }

    @Test
    void aFailingMemberDoesNotStopTheOthers() {
        postgres.execute("DROP TABLE " + logs);

        CollectReport report = collect(session(), "42");

        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(report.members()).extracting(RunReport::status)
                .containsExactly(RunStatus.OK, RunStatus.FAILED, RunStatus.OK);
        assertThat(redis.scan(prefix + "session:42:*")).isEmpty();
        assertThat(sqlCount("SELECT count(*) FROM notes")).isEqualTo(2);
    }

    private void sql(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(sqlite); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private long sqlCount(String query) {
        try (Connection connection = DriverManager.getConnection(sqlite); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
