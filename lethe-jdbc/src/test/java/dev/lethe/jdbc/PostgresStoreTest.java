package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.core.store.StoreSpec;
import dev.lethe.testsupport.SqlDatabase;
import dev.lethe.testsupport.SqlItemFixture;
import dev.lethe.testsupport.SqlStoreContractTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

    @Test
    void planEstimatesBytesAndTheRunReportsTheBytesItFreed() {
        fixture.createItems(items(1, 4, OLD, "some state"));

        RunReport plan = run(policy(fixture.olderThan(HOUR, List.of())).build(), RunMode.DRY_RUN, Clock.systemUTC(),
                RunListener.NONE);
        RunReport done = run(policy(fixture.olderThan(HOUR, List.of())).build());

        assertThat(plan.plan().estimatedBytes()).isPositive();
        // Both are pg_column_size sums, of stored rows and of returned rows: equal up to row headers.
        assertThat(done.bytesFreed()).isCloseTo(plan.plan().estimatedBytes(), org.assertj.core.data.Percentage.withPercentage(10));
    }
}
