package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.policy.Limits;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SQL store contract against the MariaDB server on 127.0.0.1:3306 (database {@code test}), with the session
 * at +09:00 (set by the url's {@code sessionVariables}) while the JVM runs in America/New_York.
 */
class MariaDbStoreTest extends SqlStoreContractTest {

    static final String BASE_URL = System.getenv().getOrDefault("LETHE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
    static final String URL = BASE_URL + "?sessionVariables=time_zone='+09:00'";

    @Override
    protected SqlDatabase database() {
        return new SqlDatabase() {
            @Override
            public String storeType() {
                return "mariadb";
            }

            @Override
            public Map<String, String> storeSettings() {
                return Map.of("url", URL, "user", "root", "password", "");
            }

            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection(URL, "root", "");
            }

            @Override
            public List<String> timestampTypes() {
                return List.of("DATETIME(6)", "TIMESTAMP(6)");
            }

            @Override
            public String secondsAgo(long seconds) {
                return "(NOW(6) - INTERVAL " + seconds + " SECOND)";
            }

            @Override
            public String epochSecondsNow() {
                return "UNIX_TIMESTAMP(NOW(6))";
            }

            @Override
            public String tableOptions() {
                return "ENGINE=InnoDB";
            }

            @Override
            public Optional<String> sessionTimeZoneQuery() {
                return Optional.of("SELECT @@session.time_zone");
            }

            @Override
            public Map<String, String> unreachableStoreSettings() {
                return Map.of("url", "jdbc:mariadb://127.0.0.1:1/test?connectTimeout=2000", "user", "root",
                        "password", "s3cr3t-pw");
            }
        };
    }

    @Test
    void referenceTimeIsTheServerClockEvenWhenItDisagreesWithTheJvm() {
        fixture.createItems(items(1, 3, OLD, null));
        // MariaDB lets a session pin its clock: NOW() and UTC_TIMESTAMP() then read 2001-01-01T00:00:00Z.
        StoreSpec pinned = new StoreSpec(fixture.storeName(), "mariadb",
                Map.of("url", BASE_URL + "?sessionVariables=time_zone='+09:00',timestamp=978307200", "user", "root"));

        RunReport report;
        try (Engine engine = Engine.builder()
                .stores(new StoreRegistry(List.of()).add(SqlItemFixture.openStore(pinned))).build()) {
            report = engine.run(policy(fixture.olderThan(HOUR, List.of())).build(), RunMode.EXECUTE);
        }

        assertThat(report.referenceTime()).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(report.matched()).as("every row is from the future of 2001").isZero();
        assertThat(fixture.remainingIds()).isEqualTo(ids(1, 3));
    }

    @Test
    void aMysqlStoreMayKeepItsJdbcMysqlUrl() {
        fixture.createItems(items(1, 2, OLD, null));
        StoreSpec mysql = new StoreSpec(fixture.storeName(), "mysql",
                Map.of("url", URL.replace("jdbc:mariadb:", "jdbc:mysql:"), "user", "root"));

        RunReport report;
        try (Engine engine = Engine.builder()
                .stores(new StoreRegistry(List.of()).add(SqlItemFixture.openStore(mysql))).build()) {
            report = engine.run(policy(fixture.olderThan(HOUR, List.of())).build(), RunMode.EXECUTE);
        }

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(fixture.remainingIds()).isEmpty();
    }

    @Test
    void aDeleteFindsDeletesAndCountsEachBatchInOneStatement() {
        fixture.createItems(items(1, 5, OLD, null));
        String table = ((SqlItemFixture) fixture).table();
        Policy policy = policy(fixture.olderThan(HOUR, List.of())).limits(Limits.defaults().withMaxFraction(1.0)
                .withBatchSize(2)).build();

        RunReport plan = run(policy, RunMode.DRY_RUN, Clock.systemUTC(), RunListener.NONE);
        RunReport done = run(policy);

        assertThat(plan.plan().statements()).singleElement().asString().startsWith("DELETE FROM `" + table + "`")
                .contains("ORDER BY `id` LIMIT 2 RETURNING `id`");
        assertThat(done.deleted()).isEqualTo(5);
        assertThat(fixture.remainingIds()).isEmpty();
    }

    @Test
    void backslashEscapedQuotesInLiteralsAreUnderstood() {
        fixture.createItems(items(1, 2, OLD, "it's :now"));
        fixture.createItems(items(3, 4, OLD, "other"));
        String table = ((SqlItemFixture) fixture).table();

        RunReport report = run(policy(TableSelection.builder(table, "id").cutoff("cutoff", HOUR)
                .where("state <> 'it\\'s :now' AND created_at < :cutoff").build()).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(fixture.remainingIds()).isEqualTo(ids(1, 2));
    }
}
