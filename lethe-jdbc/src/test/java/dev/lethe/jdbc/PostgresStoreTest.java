package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.LiveSource;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.core.store.LiveOwners;
import dev.lethe.core.store.Store;
import dev.lethe.core.store.StoreSpec;
import dev.lethe.testsupport.SqlDatabase;
import dev.lethe.testsupport.SqlItemFixture;
import dev.lethe.testsupport.SqlStoreContractTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The SQL store contract against the PostgreSQL server on 127.0.0.1:5432 (database {@code test}), with the
 * session in Asia/Tokyo while the JVM runs in America/New_York.
 */
class PostgresStoreTest extends SqlStoreContractTest {

    static final String URL = System.getenv().getOrDefault("LETHE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("LETHE_TEST_POSTGRES_USER", "postgres");
    static final String ZONE = "Asia/Tokyo";

    @Override
    protected SqlDatabase database() {
        return new SqlDatabase() {
            @Override
            public String storeType() {
                return "postgres";
            }

            @Override
            public Map<String, String> storeSettings() {
                // pgjdbc sends the JVM's zone as TimeZone, which overrides options=-c TimeZone=... in the url,
                // so a different session zone needs the store's timeZone setting.
                return Map.of("url", URL, "user", USER, "timeZone", ZONE);
            }

            @Override
            public Connection connect() throws SQLException {
                Connection connection = DriverManager.getConnection(URL, USER, "");
                try (Statement set = connection.createStatement()) {
                    set.execute("SET TIME ZONE '" + ZONE + "'");
                }
                return connection;
            }

            @Override
            public List<String> timestampTypes() {
                return List.of("timestamptz", "timestamp");
            }

            @Override
            public String secondsAgo(long seconds) {
                return "(now() - make_interval(secs => " + seconds + "))";
            }

            @Override
            public String epochSecondsNow() {
                return "extract(epoch from now())";
            }

            @Override
            public Optional<String> sessionTimeZoneQuery() {
                return Optional.of("SHOW TimeZone");
            }

            @Override
            public Map<String, String> unreachableStoreSettings() {
                return Map.of("url", "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2", "user", USER,
                        "password", "s3cr3t-pw");
            }
        };
    }

    @Test
    void castsAndDollarQuotedStringsAreNotParameters() {
        fixture.createItems(items(1, 3, OLD, "x"));
        fixture.createItems(items(4, 5, OLD, ":now"));
        String table = ((SqlItemFixture) fixture).table();

        RunReport report = run(policy(TableSelection.builder(table, "id").cutoff("cutoff", HOUR)
                .where("created_at < :cutoff::timestamptz AND state::text <> $$:now$$").build()).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(fixture.remainingIds()).isEqualTo(ids(4, 5));
    }

    @Test
    void aLostConnectionStopsTheRunAndTheNextRunReconnects() {
        fixture.createItems(items(1, 6, OLD, null));
        // A url parameter overrides the provider's ApplicationName, so only this store's backend is terminated.
        String application = "lethe-test-" + UUID.randomUUID();
        StoreSpec spec = new StoreSpec(fixture.storeName(), "postgres",
                Map.of("url", URL + "?ApplicationName=" + application, "user", USER, "timeZone", ZONE));
        AtomicBoolean killed = new AtomicBoolean();
        RunListener killOnce = new RunListener() {
            @Override
            public void planned(String policy, long matched) {
                if (killed.compareAndSet(false, true)) {
                    tables().column("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                            application);
                }
            }
        };
        Policy policy = policy(fixture.olderThan(HOUR, List.of())).build();

        try (Engine engine = Engine.builder().stores(new StoreRegistry(List.of()).add(SqlItemFixture.openStore(spec)))
                .listener(killOnce).build()) {
            RunReport lost = engine.run(policy, RunMode.EXECUTE);
            assertThat(lost.status()).as(lost.toString()).isEqualTo(RunStatus.FAILED);
            assertThat(lost.error()).contains("store 'app'", policy.name());
            assertThat(fixture.remainingIds()).hasSize(6);

            RunReport again = engine.run(policy, RunMode.EXECUTE);
            assertThat(again.status()).as(again.toString()).isEqualTo(RunStatus.OK);
            assertThat(fixture.remainingIds()).isEmpty();
        }
    }

    // ---- block ranges

    private RunReport dryRun(String table, int batchSize) {
        return run(policy(TableSelection.builder(table, "id").olderThan("created_at", HOUR).build())
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(batchSize)).build(),
                RunMode.DRY_RUN, Clock.systemUTC(), RunListener.NONE);
    }

    @Test
    void aPlainTableIsDeletedByBlockRangesUnlessABatchIsSmallerThanAFewBlocks() {
        fixture.createItems(items(1, 20, OLD, null));
        String table = ((SqlItemFixture) fixture).table();

        assertThat(dryRun(table, 1000).plan().statements()).singleElement().asString()
                .contains("ctid >=").doesNotContain("OFFSET");
        // Twenty rows share one block: a batch of 2 cut by blocks would hold all of them.
        assertThat(dryRun(table, 2).plan().statements()).anySatisfy(sql -> assertThat(sql).contains("OFFSET"))
                .noneSatisfy(sql -> assertThat(sql).contains("ctid"));
    }

    @Test
    void aTableWithInheritanceChildrenIsSweptByKeyRangesAcrossAllOfThem() {
        String parent = tables().create("parent", "id BIGINT PRIMARY KEY, created_at timestamptz NULL");
        String child = tables().create("child", "id BIGINT PRIMARY KEY, created_at timestamptz NULL");
        tables().exec("ALTER TABLE " + child + " INHERIT " + parent);
        tables().exec("INSERT INTO " + parent + " SELECT g, now() - interval '2 hours' FROM generate_series(1, 5) g");
        tables().exec("INSERT INTO " + child + " SELECT g, now() - interval '2 hours' FROM generate_series(6, 10) g");

        assertThat(dryRun(parent, 1000).plan().statements()).noneSatisfy(sql -> assertThat(sql).contains("ctid"));
        RunReport report = run(policy(TableSelection.builder(parent, "id").olderThan("created_at", HOUR).build()).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(10);
        assertThat(tables().number("SELECT COUNT(*) FROM " + child)).isZero();
    }

    @Test
    void aRowUpdatedWithinItsOwnBlockIsNeverDeletedOnceItStoppedMatching() {
        String table = tables().create("hot", "id BIGINT PRIMARY KEY, created_at timestamptz NULL, state TEXT NULL,"
                + " pad TEXT NULL");
        // Half-empty blocks leave room for a new row version in the same block: a HOT update.
        tables().exec("ALTER TABLE " + table + " SET (fillfactor = 50)");
        tables().exec("INSERT INTO " + table + " SELECT g, now() - interval '2 hours', 'old', repeat('x', 1000)"
                + " FROM generate_series(1, 300) g");
        String block = "SELECT (ctid::text::point)[0] FROM " + table + " WHERE id = ?";
        List<Object> before = List.of(tables().column(block, 280).get(0), tables().column(block, 290).get(0));
        List<Object> after = new ArrayList<>();
        RunListener updateAhead = new RunListener() {
            @Override
            public void progressed(String policy, long processed, long failed, long matched) {
                if (after.isEmpty()) {
                    tables().exec("UPDATE " + table + " SET created_at = now() WHERE id = 290");
                    tables().exec("UPDATE " + table + " SET state = 'still old' WHERE id = 280");
                    after.addAll(List.of(tables().column(block, 280).get(0), tables().column(block, 290).get(0)));
                }
            }
        };

        RunReport report = run(policy(TableSelection.builder(table, "id").olderThan("created_at", HOUR).build())
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(40)).build(),
                RunMode.EXECUTE, Clock.systemUTC(), updateAhead);

        assertThat(after).as("both updates stayed in their blocks").isEqualTo(before);
        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(299);
        assertThat(tables().longs("SELECT id FROM " + table)).containsExactly(290L);
    }

    @Test
    void aFailedRangeHoldingMoreThanFourBatchesIsRetriedRowByRowInChunks() {
        String table = tables().create("skewed", "id BIGINT PRIMARY KEY, created_at timestamptz NULL");
        tables().exec("INSERT INTO " + table + " SELECT g, now() - interval '2 hours' FROM generate_series(1, 10000) g");
        // The first 8000 rows thin out to every 200th, made young, and their space is vacuumed: about 40 sparse
        // blocks, then about 11 dense ones. Ranges grow across the sparse stretch and overshoot into the dense one.
        tables().exec("DELETE FROM " + table + " WHERE id <= 8000 AND id % 200 <> 0");
        tables().exec("UPDATE " + table + " SET created_at = now() WHERE id <= 8000");
        tables().exec("VACUUM " + table);
        String blockers = tables().create("blockers", "id BIGINT PRIMARY KEY, item_id BIGINT NOT NULL REFERENCES "
                + table + " (id)");
        tables().exec("INSERT INTO " + blockers + " VALUES (1, 8500), (2, 9900)");

        RunReport report = run(policy(TableSelection.builder(table, "id").olderThan("created_at", HOUR).build())
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(160)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.PARTIAL);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.deleted()).isEqualTo(1998);
        assertThat(tables().number("SELECT COUNT(*) FROM " + table + " WHERE id > 8000")).isEqualTo(2);
    }

    @Test
    void aRowChangedWhileItsBatchWaitsForItIsCountedOnItsNewestVersion() throws Exception {
        fixture.createItems(items(1, 10, OLD, "acked"));
        String table = ((SqlItemFixture) fixture).table();
        Policy policy = policy(fixture.olderThan(HOUR, List.of("acked", "expired"))).build();
        try (Connection other = database().connect()) {
            other.setAutoCommit(false);
            try (Statement update = other.createStatement()) {
                update.execute("UPDATE " + table + " SET state = 'expired' WHERE id = 5");
            }
            CompletableFuture<RunReport> sweep = CompletableFuture.supplyAsync(() -> run(policy));
            // The batch read its snapshot, then waits for the row the open transaction changed.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (tables().number("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'lethe'"
                    + " AND wait_event_type = 'Lock'") == 0) {
                assertThat(System.nanoTime()).as("the batch waits for the lock").isLessThan(deadline);
                Thread.onSpinWait();
            }
            other.commit();
            RunReport report = sweep.get(30, TimeUnit.SECONDS);

            assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
            assertThat(report.deleted()).isEqualTo(10);
            assertThat(report.outcomes()).isEqualTo(Map.of("acked", 9L, "expired", 1L));
            assertThat(fixture.remainingIds()).isEmpty();
        }
    }

    @Test
    void theNextRunOnTheSameConnectionIsBackAtReadCommitted() {
        fixture.createItems(items(1, 10, OLD, "acked"));
        String table = ((SqlItemFixture) fixture).table();
        String other = tables().create("other", "id BIGINT PRIMARY KEY");
        tables().exec("INSERT INTO " + other + " SELECT g FROM generate_series(1, 5) g");
        // Matches only while the session's default isolation is READ COMMITTED again.
        Policy readCommitted = Policy.builder("after").store(fixture.storeName())
                .selection(TableSelection.builder(other, "id")
                        .where("current_setting('default_transaction_isolation') = 'read committed'").build())
                .limits(Limits.defaults().withMaxFraction(1.0)).build();

        try (Engine engine = Engine.builder().stores(new StoreRegistry(List.of()).add(fixture.openStore())).build()) {
            RunReport snapshot = engine.run(policy(fixture.olderThan(HOUR, List.of("acked"))).build(), RunMode.EXECUTE);
            RunReport after = engine.run(readCommitted, RunMode.EXECUTE);

            assertThat(snapshot.outcomes()).as(snapshot.toString()).isEqualTo(Map.of("acked", 10L));
            assertThat(after.deleted()).as(after.toString()).isEqualTo(5);
        }
        assertThat(tables().number("SELECT COUNT(*) FROM " + table)).isZero();
    }

    @Test
    void batchesCommitWithoutWaitingForTheDiskUnlessTheUrlSaysOtherwise() {
        fixture.createItems(items(1, 3, OLD, null));
        String table = ((SqlItemFixture) fixture).table();
        // Matches only in a session whose commits do not wait for the WAL flush.
        Policy asynchronous = policy(TableSelection.builder(table, "id")
                .where("current_setting('synchronous_commit') = 'off'").build()).build();
        StoreSpec durable = new StoreSpec(fixture.storeName(), "postgres", Map.of("url",
                URL + "?options=-c%20synchronous_commit%3Don", "user", USER, "timeZone", ZONE));

        try (Engine engine = Engine.builder().stores(new StoreRegistry(List.of()).add(SqlItemFixture.openStore(durable)))
                .build()) {
            assertThat(engine.run(asynchronous, RunMode.EXECUTE).deleted()).as("url option on").isZero();
        }
        assertThat(run(asynchronous).deleted()).isEqualTo(3);
    }

    @Test
    void aDeleteTriggerThatKeepsARowIsCountedAsTheDeleteSaw() {
        fixture.createItems(items(1, 6, OLD, "acked"));
        String table = ((SqlItemFixture) fixture).table();
        String keep = table.replace("\"", "") + "_keep_three";
        tables().exec("CREATE OR REPLACE FUNCTION " + keep + "() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$BEGIN IF OLD.id = 3 THEN RETURN NULL; END IF; RETURN OLD; END$$");
        tables().exec("CREATE TRIGGER keep_three BEFORE DELETE ON " + table + " FOR EACH ROW EXECUTE FUNCTION "
                + keep + "()");
        Policy policy = policy(fixture.olderThan(HOUR, List.of("acked"))).build();

        assertThat(run(policy, RunMode.DRY_RUN, Clock.systemUTC(), RunListener.NONE).plan().statements())
                .as("counted over what the delete returns").anySatisfy(sql -> assertThat(sql).contains("RETURNING"));
        RunReport report = run(policy);

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(5);
        assertThat(report.outcomes()).isEqualTo(Map.of("acked", 5L));
        assertThat(fixture.remainingIds()).containsExactly(3L);
    }

    @Test
    void aRecheckWhoseCandidatesTheOwnerTypeRejectsReadsTheWholeQueryInstead() {
        String sessions = tables().create("sessions", "id uuid PRIMARY KEY");
        String first = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        tables().exec("INSERT INTO " + sessions + " VALUES ('" + first + "')");

        try (Store store = fixture.openStore()) {
            LiveOwners live = store.liveOwners(new LiveSource.Query(fixture.storeName(), "SELECT id FROM " + sessions));
            tables().exec("INSERT INTO " + sessions + " VALUES ('" + later + "')");

            // 'not-a-uuid' makes the filtered form fail; the answer is the same.
            assertThat(live.recheck(List.of(later, "not-a-uuid"))).containsExactly(later);
            assertThat(live.recheck(List.of(UUID.randomUUID().toString()))).isEmpty();
        }
    }

    @Test
    void planEstimatesBytesAndTheRunReportsTheBytesItFreed() {
        fixture.createItems(items(1, 4, OLD, "some state"));

        RunReport plan = run(policy(fixture.olderThan(HOUR, List.of())).build(), RunMode.DRY_RUN, Clock.systemUTC(),
                RunListener.NONE);
        RunReport done = run(policy(fixture.olderThan(HOUR, List.of())).build());

        assertThat(plan.plan().estimatedBytes()).isPositive();
        // Both are the table's size per row times the rows, measured by each run's plan on the same table.
        assertThat(done.bytesFreed()).isCloseTo(plan.plan().estimatedBytes(), org.assertj.core.data.Percentage.withPercentage(10));
    }
}
