package dev.lethe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.LiveSource;
import dev.lethe.core.policy.Orphans;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Orphan sweeps of Redis keys whose live owners are listed by a query on PostgreSQL. */
@ExtendWith(RedisServers.Standalone.class)
class LiveQueryTest {

    private final Postgres postgres = new Postgres();
    private final String prefix = "lethe-test:" + UUID.randomUUID() + ":";
    private RedisDeployment redis;
    private String sessions;

    @BeforeEach
    void setUp(RedisDeployment deployment) {
        redis = deployment;
        sessions = postgres.table("sessions", "id BIGINT PRIMARY KEY, ended_at TIMESTAMPTZ NULL");
        for (int s = 1; s <= 8; s++) {
            for (int i = 0; i < 5; i++) {
                redis.keys().set(prefix + "session:" + s + ":msg" + i, "m");
            }
        }
        redis.keys().set(prefix + "channel:1", "c");
    }

    @AfterEach
    void tearDown() {
        redis.deleteAll(prefix);
        postgres.close();
    }

    private RunReport sweep(String query, int minLive, RunListener listener) {
        return sweep(query, minLive, listener, Limits.defaults().withMaxFraction(1.0).withBatchSize(10));
    }

    private RunReport sweep(String query, int minLive, RunListener listener, Limits limits) {
        Policy policy = Policy.builder("session-orphans").store("cache")
                .selection(KeySelection.matching(prefix + "*").excluding(List.of(prefix + "channel:*"))
                        .orphansOf(new Orphans(Pattern.compile("^" + Pattern.quote(prefix) + "session:(?<owner>[^:]+):"),
                                new LiveSource.Query("app", query), minLive)))
                .limits(limits).build();
        try (Engine engine = Engine.builder().stores(new StoreRegistry().add(redis.spec("cache"))
                .add(postgres.spec("app"))).listener(listener).build()) {
            return engine.run(policy, RunMode.EXECUTE);
        }
    }

    private String live() {
        return "SELECT id FROM " + sessions + " WHERE ended_at IS NULL";
    }

    private List<String> sessionsLeft() {
        return redis.scan(prefix + "session:*").stream().map(k -> k.split(":")[3]).distinct().sorted().toList();
    }

    @Test
    void keysOfSessionsThatEndedOrNeverExistedAreRemoved() {
        postgres.execute("INSERT INTO " + sessions + " VALUES (1, NULL), (2, NULL), (3, now()), (4, NULL)");

        RunReport report = sweep(live(), 1, RunListener.NONE);

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(5 * 5);
        assertThat(sessionsLeft()).containsExactly("1", "2", "4");
        assertThat(redis.scan(prefix + "channel:*")).hasSize(1);
    }

    @Test
    void anEmptyLiveQueryRefusesTheSweepInsteadOfDeletingEverything() {
        postgres.execute("INSERT INTO " + sessions + " VALUES (1, now())");

        RunReport report = sweep(live(), 1, RunListener.NONE);

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(report.deleted()).isZero();
        assertThat(report.warnings()).singleElement().asString()
                .contains("query on store app").contains("lists 0 owners, below minLive 1");
        assertThat(sessionsLeft()).hasSize(8);
    }

    @Test
    void aFailingLiveQueryRefusesTheSweep() {
        RunReport report = sweep("SELECT id FROM no_such_table_" + UUID.randomUUID().toString().replace("-", ""), 1,
                RunListener.NONE);

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(report.warnings()).singleElement().asString().contains("failed").contains("does not exist");
        assertThat(sessionsLeft()).hasSize(8);
    }

    @Test
    void aSessionStartedDuringTheRunKeepsItsKeys() {
        postgres.execute("INSERT INTO " + sessions + " VALUES (1, NULL)");
        RunListener startsSessionSix = new RunListener() {
            @Override
            public void planned(String policy, long matched) {
                postgres.execute("INSERT INTO " + sessions + " VALUES (6, NULL)");
            }
        };

        // maxItems makes the run count before its first batch: session 6 starts between that count and the batches.
        RunReport report = sweep(live(), 1, startsSessionSix,
                Limits.defaults().withMaxFraction(1.0).withMaxItems(1_000).withBatchSize(10));

        assertThat(report.matched()).isEqualTo(7 * 5);
        assertThat(report.deleted()).isEqualTo(6 * 5);
        assertThat(sessionsLeft()).containsExactly("1", "6");
    }

    @Test
    void theFloorCountsLiveOwnersNotRows() {
        IntStream.rangeClosed(1, 3).forEach(id -> postgres.execute("INSERT INTO " + sessions + " VALUES (" + id + ", NULL)"));

        assertThat(sweep(live(), 4, RunListener.NONE).status()).isEqualTo(RunStatus.REFUSED);
        assertThat(sweep(live(), 3, RunListener.NONE).status()).isEqualTo(RunStatus.OK);
        assertThat(sessionsLeft()).containsExactly("1", "2", "3");
    }
}
