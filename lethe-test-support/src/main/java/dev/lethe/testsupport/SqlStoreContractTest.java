package dev.lethe.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.LiveSource;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.policy.TableSelection.TimeUnit;
import dev.lethe.core.policy.UpdateValue;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.core.store.LiveOwners;
import dev.lethe.core.store.Store;
import dev.lethe.core.store.StoreException;
import dev.lethe.core.store.StoreSpec;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of SQL stores: the generic {@link StoreContractTest} plus what tables add — update and move
 * actions, cascades, text keys, SQL's NULLs, epoch columns, time zones, and the database's own error messages.
 * A module runs it against a real server by describing it as a {@link SqlDatabase}. Each test's tables have a
 * unique prefix and are dropped afterwards.
 *
 * <p>One file on purpose, although long: it is the list a new SQL dialect has to pass, and reads best whole.
 */
public abstract class SqlStoreContractTest extends StoreContractTest {

    /** The database under test. */
    protected abstract SqlDatabase database();

    @Override
    protected StoreFixture createFixture() {
        return new SqlItemFixture(database());
    }

    protected SqlTables tables() {
        return ((SqlItemFixture) fixture).tables();
    }

    protected String ts() {
        return database().timestampTypes().get(0);
    }

    protected String ago(Duration age) {
        return database().secondsAgo(age.toSeconds());
    }

    private String logsTable() {
        return tables().create("logs", "id BIGINT PRIMARY KEY, created_at " + ts() + " NULL,"
                + " tier VARCHAR(16) NULL, note VARCHAR(200) NULL, raw VARCHAR(20) NULL, evicted_at " + ts() + " NULL");
    }

    private void insertLog(String table, long id, Duration age, String tier) {
        tables().exec("INSERT INTO " + table + " (id, created_at, tier, raw) VALUES (?, " + ago(age) + ", ?, 'raw')",
                id, tier);
    }

    // ---- update

    @Test
    void updateDemotesOnlyTheMatchingRowsInPlace() {
        String logs = logsTable();
        for (long id = 1; id <= 4; id++) {
            insertLog(logs, id, OLD, "hot");
        }
        insertLog(logs, 5, OLD, "warm");
        insertLog(logs, 6, YOUNG, "hot");
        insertLog(logs, 7, YOUNG, "hot");

        RunReport report = run(policy(TableSelection.builder(logs, "id").olderThan("created_at", HOUR)
                .where("tier = 'hot'").build())
                .action(Action.update(Map.of("tier", UpdateValue.literal("warm"))))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(3)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.updated()).isEqualTo(4);
        assertThat(report.deleted()).isZero();
        assertThat(tables().longs("SELECT id FROM " + logs + " WHERE tier = 'warm'")).isEqualTo(ids(1, 5));
        assertThat(tables().longs("SELECT id FROM " + logs + " WHERE tier = 'hot'")).isEqualTo(ids(6, 7));
    }

    @Test
    void updateCountsRowsThatAlreadyHoldTheNewValue() {
        String logs = logsTable();
        for (long id = 1; id <= 4; id++) {
            insertLog(logs, id, OLD, id % 2 == 0 ? "warm" : "hot");
        }

        RunReport report = run(policy(TableSelection.builder(logs, "id").olderThan("created_at", HOUR).build())
                .action(Action.update(Map.of("tier", UpdateValue.literal("warm"))))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(3)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.updated()).isEqualTo(4);
        assertThat(report.failed()).isZero();
    }

    @Test
    void updateCountsOutcomesOnTheRowsAsTheyWereBeforeTheChange() {
        String logs = logsTable();
        for (long id = 1; id <= 5; id++) {
            insertLog(logs, id, OLD, id <= 3 ? "hot" : "cold");
        }

        RunReport report = run(policy(TableSelection.builder(logs, "id").olderThan("created_at", HOUR)
                .outcome("hot", "tier = 'hot'").outcome("cold", "tier = 'cold'").build())
                .action(Action.update(Map.of("tier", UpdateValue.literal("archived"))))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(2)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.outcomes()).isEqualTo(Map.of("hot", 3L, "cold", 2L));
        assertThat(tables().number("SELECT COUNT(*) FROM " + logs + " WHERE tier = 'archived'")).isEqualTo(5);
    }

    @Test
    void updateBindsLiteralsNullsAndNowInsteadOfSplicingThem() {
        String logs = logsTable();
        insertLog(logs, 1, OLD, "hot");
        insertLog(logs, 2, OLD, "hot");
        String hostile = "it's'); DROP TABLE " + logs + "; -- :now";
        Map<String, UpdateValue> set = new LinkedHashMap<>();
        set.put("note", UpdateValue.literal(hostile));
        set.put("raw", UpdateValue.literal(null));
        set.put("evicted_at", UpdateValue.parameter("now"));

        RunReport report = run(policy(TableSelection.builder(logs, "id").olderThan("created_at", HOUR).build())
                .action(Action.update(set)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(tables().column("SELECT note FROM " + logs)).containsOnly(hostile);
        assertThat(tables().number("SELECT COUNT(*) FROM " + logs + " WHERE raw IS NULL")).isEqualTo(2);
        assertThat(tables().number("SELECT COUNT(*) FROM " + logs + " WHERE evicted_at > " + ago(Duration.ofMinutes(1))
                + " AND evicted_at < " + ago(Duration.ofMinutes(-1)))).as(":now is the store's now").isEqualTo(2);
    }

    // ---- move

    @Test
    void moveToCopiesRowsByColumnNameThenDeletesThemCountingOutcomes() {
        String source = tables().create("hot", "id BIGINT PRIMARY KEY, created_at " + ts() + " NULL,"
                + " state VARCHAR(16) NULL, payload VARCHAR(40) NULL");
        String archive = tables().create("warm", "payload VARCHAR(40) NULL, state VARCHAR(16) NULL, created_at "
                + ts() + " NULL, id BIGINT PRIMARY KEY, archived_note VARCHAR(10) NULL");
        for (long id = 1; id <= 7; id++) {
            tables().exec("INSERT INTO " + source + " (id, created_at, state, payload) VALUES (?, "
                    + ago(id <= 5 ? OLD : YOUNG) + ", ?, ?)", id, id <= 3 ? "acked" : "expired", "p" + id);
        }

        RunReport report = run(policy(TableSelection.builder(source, "id").olderThan("created_at", HOUR)
                .outcome("acked", "state = 'acked'").outcome("expired", "state = 'expired'").build())
                .action(Action.moveTo(archive))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(2)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.moved()).isEqualTo(5);
        assertThat(report.outcomes()).isEqualTo(Map.of("acked", 3L, "expired", 2L));
        assertThat(tables().longs("SELECT id FROM " + source)).isEqualTo(ids(6, 7));
        assertThat(tables().longs("SELECT id FROM " + archive)).isEqualTo(ids(1, 5));
        assertThat(tables().column("SELECT payload FROM " + archive + " WHERE id = 3")).containsExactly("p3");
        assertThat(tables().column("SELECT state FROM " + archive + " WHERE id = 4")).containsExactly("expired");
    }

    // ---- cascade

    @Test
    void cascadeRemovesTheChildrenOfEachBatchBeforeItsParents() {
        String parents = tables().create("observations", "id BIGINT PRIMARY KEY, created_at " + ts() + " NULL");
        String children = tables().create("vectors", "id BIGINT PRIMARY KEY, observation_id BIGINT NOT NULL,"
                + " FOREIGN KEY (observation_id) REFERENCES " + parents + " (id)");
        for (long id = 1; id <= 7; id++) {
            tables().exec("INSERT INTO " + parents + " (id, created_at) VALUES (?, " + ago(id <= 5 ? OLD : YOUNG) + ")", id);
            tables().exec("INSERT INTO " + children + " (id, observation_id) VALUES (?, ?)", id * 10, id);
            tables().exec("INSERT INTO " + children + " (id, observation_id) VALUES (?, ?)", id * 10 + 1, id);
        }

        RunReport report = run(policy(TableSelection.builder(parents, "id").olderThan("created_at", HOUR)
                .cascade(fixture.storeName(), children, "observation_id IN (:keys)").build())
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(2)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(5);
        assertThat(report.cascaded()).isEqualTo(Map.of(children, 10L));
        assertThat(tables().longs("SELECT observation_id FROM " + children)).isEqualTo(ids(6, 7));
    }

    @Test
    void rejectsACascadeToAnotherStore() {
        fixture.createItems(items(1, 3, OLD, null));
        String table = ((SqlItemFixture) fixture).table();

        RunReport report = run(policy(TableSelection.builder(table, "id").olderThan("created_at", HOUR)
                .cascade("elsewhere", table, "id IN (:keys)").build()).build());

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.error()).contains("elsewhere");
        assertThat(fixture.remainingIds()).isEqualTo(ids(1, 3));
    }

    // ---- keys

    @Test
    void walksATextKeyColumn() {
        String table = tables().create("sessions", "uid VARCHAR(64) PRIMARY KEY, created_at " + ts() + " NULL");
        List<String> old = List.of("a", "aa", "ab", "b", "ba", "c", "ca", "d0", "d1", "zz");
        List<String> young = List.of("a0", "b0", "bb", "cz");
        old.forEach(uid -> tables().exec("INSERT INTO " + table + " VALUES (?, " + ago(OLD) + ")", uid));
        young.forEach(uid -> tables().exec("INSERT INTO " + table + " VALUES (?, " + ago(YOUNG) + ")", uid));

        RunReport report = run(policy(TableSelection.builder(table, "uid").olderThan("created_at", HOUR).build())
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(3)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(old.size());
        assertThat(tables().column("SELECT uid FROM " + table)).containsExactlyInAnyOrderElementsOf(young);
    }

    @Test
    void orphanSweepWithACorrelatedSubqueryNamingTheTable() {
        String owners = tables().create("owners", "id BIGINT PRIMARY KEY");
        String uploads = tables().create("uploads", "id BIGINT PRIMARY KEY, owner_id BIGINT NULL, created_at " + ts() + " NULL");
        tables().exec("INSERT INTO " + owners + " (id) VALUES (1)");
        for (long id = 1; id <= 6; id++) {
            tables().exec("INSERT INTO " + uploads + " VALUES (?, ?, " + ago(OLD) + ")", id, id % 2 == 0 ? 1 : 99);
        }
        String orphan = "NOT EXISTS (SELECT 1 FROM " + owners + " o WHERE o.id = " + uploads + ".owner_id)";

        RunReport report = run(policy(TableSelection.builder(uploads, "id").where(orphan)
                .outcome("big", uploads + ".id > 3").build())
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(2)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(3);
        assertThat(report.outcomes()).isEqualTo(Map.of("big", 1L));
        assertThat(tables().longs("SELECT id FROM " + uploads)).isEqualTo(Set.of(2L, 4L, 6L));
    }

    // ---- NULLs, time

    @Test
    void nullsInPredicateColumnsFollowSqlThreeValuedLogic() {
        String uploads = tables().create("pending_uploads", "id BIGINT PRIMARY KEY, acked_at " + ts() + " NULL,"
                + " expires_at " + ts() + " NULL");
        String past = ago(Duration.ofMinutes(5));
        String future = ago(Duration.ofMinutes(-30));
        String[][] rows = {
                {"1", ago(OLD), "NULL"},        // acked long ago: acked
                {"2", ago(YOUNG), "NULL"},      // acked recently: kept
                {"3", "NULL", past},            // never acked, expired: expired
                {"4", "NULL", future},          // never acked, not yet expired: kept
                {"5", "NULL", "NULL"},          // never acked, no expiry: NULL < now is unknown, kept
                {"6", ago(Duration.ofHours(3)), past}};
        for (String[] row : rows) {
            tables().exec("INSERT INTO " + uploads + " VALUES (" + String.join(", ", row) + ")");
        }

        RunReport report = run(policy(TableSelection.builder(uploads, "id").cutoff("ackRetention", HOUR)
                .where("(acked_at < :ackRetention) OR (acked_at IS NULL AND expires_at < :now)")
                .outcome("acked", "acked_at IS NOT NULL").outcome("expired", "acked_at IS NULL").build())
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(2)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.outcomes()).isEqualTo(Map.of("acked", 2L, "expired", 1L));
        assertThat(tables().longs("SELECT id FROM " + uploads)).isEqualTo(Set.of(2L, 4L, 5L));
    }

    @ParameterizedTest
    @EnumSource(value = TimeUnit.class, names = {"EPOCH_SECONDS", "EPOCH_MILLIS"})
    void olderThanAnEpochColumnUsesTheStoreClock(TimeUnit unit) {
        String table = tables().create("observations", "id BIGINT PRIMARY KEY, created_at_epoch BIGINT NOT NULL");
        Instant now = fixture.storeNow();
        Map<Long, Duration> ages = Map.of(1L, Duration.ofMinutes(62), 2L, Duration.ofMinutes(58),
                3L, Duration.ofHours(3), 4L, Duration.ZERO);
        ages.forEach((id, age) -> {
            Instant at = now.minus(age);
            tables().exec("INSERT INTO " + table + " VALUES (?, ?)", id,
                    unit == TimeUnit.EPOCH_SECONDS ? at.getEpochSecond() : at.toEpochMilli());
        });

        RunReport report = run(policy(TableSelection.builder(table, "id")
                .olderThan("created_at_epoch", HOUR, unit).build()).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(tables().longs("SELECT id FROM " + table)).isEqualTo(Set.of(2L, 4L));
    }

    @Test
    void cutoffIsExactForEveryTimestampTypeInANonUtcSession() {
        for (String type : database().timestampTypes()) {
            String table = tables().create("at_" + type.replaceAll("[^A-Za-z]", ""), "id BIGINT PRIMARY KEY, at " + type + " NULL");
            tables().exec("INSERT INTO " + table + " VALUES (1, " + ago(Duration.ofMinutes(62)) + "), (2, "
                    + ago(Duration.ofMinutes(58)) + "), (3, " + ago(Duration.ZERO) + "), (4, "
                    + ago(Duration.ofHours(25)) + "), (5, " + ago(Duration.ofMinutes(-62)) + ")");

            RunReport olderThan = run(policy(TableSelection.builder(table, "id").olderThan("at", HOUR).build()).build());
            assertThat(olderThan.status()).as(type + ": " + olderThan).isEqualTo(RunStatus.OK);
            assertThat(tables().longs("SELECT id FROM " + table)).as(type + " olderThan").isEqualTo(Set.of(2L, 3L, 5L));

            RunReport cutoff = run(policy(TableSelection.builder(table, "id").cutoff("recent", Duration.ofMinutes(30))
                    .where("at < :recent").build()).build());
            assertThat(cutoff.status()).as(type + ": " + cutoff).isEqualTo(RunStatus.OK);
            assertThat(tables().longs("SELECT id FROM " + table)).as(type + " :cutoff").isEqualTo(Set.of(3L, 5L));
        }
    }

    @Test
    void suiteRunsInANonUtcJvmZoneAndANonUtcSessionZone() {
        assertThat(ZoneId.systemDefault().getRules().getOffset(Instant.now()).getTotalSeconds())
                .as("run the suite with -Duser.timezone=America/New_York (surefire does)").isNotZero();
        database().sessionTimeZoneQuery().ifPresent(query -> assertThat(String.valueOf(tables().column(query).get(0)))
                .as("the store's session zone").isNotIn("UTC", "+00:00", "Etc/UTC", "SYSTEM", "GMT"));
    }

    // ---- rejected policies

    enum BadPolicy { SYNTAX, MISSING_TABLE, MISSING_COLUMN, MISSING_KEY, MISSING_OLDER_THAN_COLUMN,
        MISSING_UPDATE_COLUMN, MISSING_DESTINATION, MISSING_CASCADE_TABLE, UNKNOWN_PARAMETER }

    @ParameterizedTest
    @EnumSource(BadPolicy.class)
    void aPolicyTheDatabaseRejectsFailsWithItsNameAndTheDatabaseMessageChangingNothing(BadPolicy bad) {
        fixture.createItems(items(1, 3, OLD, null));
        String table = ((SqlItemFixture) fixture).table();
        TableSelection.Builder selection = TableSelection.builder(bad == BadPolicy.MISSING_TABLE ? "nope_table" : table,
                bad == BadPolicy.MISSING_KEY ? "nope_key" : "id")
                .olderThan(bad == BadPolicy.MISSING_OLDER_THAN_COLUMN ? "nope_time" : "created_at", HOUR);
        Policy.Builder policy = policy(selection.build());
        String expected = switch (bad) {
            case SYNTAX -> { policy.selection(selection.where("created_at < :now AND AND 1").build()); yield "syntax"; }
            case MISSING_TABLE -> "nope_table";
            case MISSING_COLUMN -> { policy.selection(selection.where("nope_column IS NULL").build()); yield "nope_column"; }
            // A misspelled name must fail, never be read as something else (SQLite reads an unknown
            // double-quoted name as a string literal).
            case MISSING_KEY -> "nope_key";
            case MISSING_OLDER_THAN_COLUMN -> "nope_time";
            case MISSING_UPDATE_COLUMN -> {
                policy.action(Action.update(Map.of("nope_set", UpdateValue.literal(1))));
                yield "nope_set";
            }
            case MISSING_DESTINATION -> { policy.action(Action.moveTo("nope_dest")); yield "nope_dest"; }
            case MISSING_CASCADE_TABLE -> {
                policy.selection(selection.cascade(fixture.storeName(), "nope_child", "item_id IN (:keys)").build());
                yield "nope_child";
            }
            case UNKNOWN_PARAMETER -> { policy.selection(selection.where("created_at < :nope_param").build()); yield "nope_param"; }
        };

        RunReport report = run(policy.build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.FAILED);
        assertThat(report.error()).contains(report.policy(), fixture.storeName()).containsIgnoringCase(expected);
        assertThat(fixture.remainingIds()).isEqualTo(ids(1, 3));
    }

    @Test
    void namedParametersInsideLiteralsAndCommentsAreLeftAlone() {
        fixture.createItems(items(1, 3, OLD, ":now"));
        fixture.createItems(items(4, 5, OLD, "other"));
        String table = ((SqlItemFixture) fixture).table();

        RunReport report = run(policy(TableSelection.builder(table, "id").cutoff("cutoff", HOUR)
                .where("state <> ':now' /* :nope */ AND created_at < :cutoff -- :nope too").build()).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(fixture.remainingIds()).isEqualTo(ids(1, 3));
    }

    // ---- failing rows

    @Test
    void oneRowThatCannotBeDeletedIsSkippedAndTheOthersAreDone() {
        fixture.createItems(items(1, 7, OLD, null));
        String items = ((SqlItemFixture) fixture).table();
        String blockers = tables().create("blockers", "id BIGINT PRIMARY KEY, item_id BIGINT NOT NULL,"
                + " FOREIGN KEY (item_id) REFERENCES " + items + " (id)");
        tables().exec("INSERT INTO " + blockers + " VALUES (1, 4)");

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of()))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(3)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.PARTIAL);
        assertThat(report.deleted()).isEqualTo(6);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("1 items failed"));
        assertThat(fixture.remainingIds()).containsExactly(4L);
    }

    @Test
    void oneRowViolatingACheckOnUpdateIsSkippedAndOnlyProcessedRowsAreCounted() {
        String table = tables().create("tiers", "id BIGINT PRIMARY KEY, created_at " + ts() + " NULL, tier VARCHAR(16) NULL,"
                + " CHECK (tier <> 'warm' OR id <> 4)");
        for (long id = 1; id <= 6; id++) {
            tables().exec("INSERT INTO " + table + " VALUES (?, " + ago(OLD) + ", 'hot')", id);
        }

        RunReport report = run(policy(TableSelection.builder(table, "id").olderThan("created_at", HOUR)
                .outcome("hot", "tier = 'hot'").build())
                .action(Action.update(Map.of("tier", UpdateValue.literal("warm"))))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(4)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.PARTIAL);
        assertThat(report.updated()).isEqualTo(5);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.outcomes()).isEqualTo(Map.of("hot", 5L));
        assertThat(tables().longs("SELECT id FROM " + table + " WHERE tier = 'hot'")).containsExactly(4L);
    }

    // ---- batches over many blocks: physical ranges (PostgreSQL), one-statement limited deletes (MariaDB, SQLite)

    /** Rows of about 1 KiB: a PostgreSQL block holds seven, so a few hundred rows span dozens of blocks. */
    private String wideTable() {
        return tables().create("wide", "id BIGINT PRIMARY KEY, created_at " + ts() + " NULL, state VARCHAR(16) NULL,"
                + " pad VARCHAR(1000) NULL");
    }

    /** Inserts the rows in id order, so the table's storage order follows the ids. */
    private void insertWide(String table, List<Long> ids, Function<Long, Duration> age) {
        try {
            tables().connection().setAutoCommit(false);
            for (long id : ids) {
                tables().exec("INSERT INTO " + table + " (id, created_at, state, pad) VALUES (?, " + ago(age.apply(id))
                        + ", ?, ?)", id, id % 2 == 0 ? "acked" : "expired", "x".repeat(1000));
            }
            tables().connection().commit();
            tables().connection().setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private Policy.Builder widePolicy(String table, int batchSize) {
        return policy(TableSelection.builder(table, "id").olderThan("created_at", HOUR)
                .outcome("acked", "state = 'acked'").outcome("expired", "state = 'expired'").build())
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(batchSize));
    }

    /** Records each batch's size, and runs {@code afterFirst} once the first batch is done. */
    private static final class Batches implements RunListener {
        final List<Long> sizes = new CopyOnWriteArrayList<>();
        private final Runnable afterFirst;
        private long before;

        Batches(Runnable afterFirst) {
            this.afterFirst = afterFirst;
        }

        @Override
        public void progressed(String policy, long processed, long failed, long matched) {
            sizes.add(processed + failed - before);
            before = processed + failed;
            if (sizes.size() == 1) {
                afterFirst.run();
            }
        }
    }

    enum Layout { ALL_OLD, SPARSE, SPARSE_THEN_DENSE, DENSE_THEN_SPARSE }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void batchesStayNearTheBatchSizeWhereverTheMatchesLieInTheTable(Layout layout) {
        String table = wideTable();
        List<Long> old = range(1, 500).stream().filter(id -> switch (layout) {
            case ALL_OLD -> true;
            case SPARSE -> id % 97 == 0;
            case SPARSE_THEN_DENSE -> id > 250;
            case DENSE_THEN_SPARSE -> id <= 60 || id % 97 == 0;
        }).toList();
        insertWide(table, range(1, 500), id -> old.contains(id) ? OLD : YOUNG);
        Batches batches = new Batches(() -> { });

        RunReport report = run(widePolicy(table, 40).build(), RunMode.EXECUTE, Clock.systemUTC(), batches);

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.processed()).isEqualTo(old.size());
        long acked = old.stream().filter(id -> id % 2 == 0).count();
        assertThat(report.outcomes().getOrDefault("acked", 0L)).isEqualTo(acked);
        assertThat(report.outcomes().getOrDefault("expired", 0L)).isEqualTo(old.size() - acked);
        assertThat(tables().longs("SELECT id FROM " + table)).doesNotContainAnyElementsOf(old).hasSize(500 - old.size());
        // Physical ranges aim at the batch size and may overshoot where the density jumps, by a bounded amount.
        assertThat(batches.sizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(5 * 40));
    }

    @Test
    void rowsAppendedDuringTheRunAreDeletedInTheSameRun() {
        String table = wideTable();
        insertWide(table, range(1, 300), id -> OLD);
        Batches batches = new Batches(() -> {
            insertWide(table, range(1001, 1030), id -> OLD);
            insertWide(table, range(2001, 2010), id -> YOUNG);
        });

        RunReport report = run(widePolicy(table, 40).build(), RunMode.EXECUTE, Clock.systemUTC(), batches);

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.processed()).isEqualTo(330);
        assertThat(report.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(330);
        assertThat(tables().longs("SELECT id FROM " + table)).isEqualTo(ids(2001, 2010));
    }

    @Test
    void aRowChangedAheadOfTheBatchesIsDeletedOnlyIfItStillMatches() {
        String table = wideTable();
        insertWide(table, range(1, 310), id -> id <= 300 ? OLD : YOUNG);
        Batches batches = new Batches(() -> {
            // Blocks are full, so each new row version lands in another block (PostgreSQL: no HOT update).
            tables().exec("UPDATE " + table + " SET created_at = " + ago(Duration.ZERO) + " WHERE id = 290");
            tables().exec("UPDATE " + table + " SET pad = 'moved' WHERE id = 280");
            tables().exec("UPDATE " + table + " SET created_at = " + ago(OLD) + " WHERE id = 305");
        });

        RunReport report = run(widePolicy(table, 40).build(), RunMode.EXECUTE, Clock.systemUTC(), batches);

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        Set<Long> kept = new HashSet<>(ids(301, 310));
        kept.remove(305L);
        kept.add(290L);
        assertThat(tables().longs("SELECT id FROM " + table)).isEqualTo(kept);
        assertThat(report.processed()).isEqualTo(300);
        assertThat(report.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(300);
    }

    @Test
    void oneRowThatCannotBeDeletedAmongManyBlocksFailsOnceAndTheRestAreDeleted() {
        String table = wideTable();
        insertWide(table, range(1, 300), id -> OLD);
        String blockers = tables().create("blockers", "id BIGINT PRIMARY KEY, item_id BIGINT NOT NULL,"
                + " FOREIGN KEY (item_id) REFERENCES " + table + " (id)");
        tables().exec("INSERT INTO " + blockers + " VALUES (1, 150)");

        RunReport report = run(widePolicy(table, 40).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.PARTIAL);
        assertThat(report.deleted()).isEqualTo(299);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(299);
        assertThat(tables().longs("SELECT id FROM " + table)).containsExactly(150L);
    }

    // ---- owners

    @Test
    void listsLiveOwnersWithAQueryAndRechecksThemAgainstTheDatabase() {
        String sessions = tables().create("sessions", "id BIGINT PRIMARY KEY, ended_at " + ts() + " NULL");
        tables().exec("INSERT INTO " + sessions + " VALUES (1, NULL), (2, NULL), (3, " + ago(YOUNG) + ")");

        try (Store store = fixture.openStore()) {
            LiveOwners live = store.liveOwners(new LiveSource.Query(fixture.storeName(),
                    "SELECT id FROM " + sessions + " WHERE ended_at IS NULL"));
            tables().exec("INSERT INTO " + sessions + " VALUES (4, NULL)");
            tables().exec("UPDATE " + sessions + " SET ended_at = " + ago(Duration.ZERO) + " WHERE id = 2");

            assertThat(live.size()).isEqualTo(2);
            assertThat(live.contains("1")).isTrue();
            assertThat(live.contains("3")).isFalse();
            assertThat(live.recheck(List.of("2", "3", "4"))).containsExactly("4");
        }
    }

    @ParameterizedTest(name = "owner column {0}")
    @ValueSource(strings = {"BIGINT", "VARCHAR(40)"})
    void aRecheckAsksAboutItsCandidatesInTheOwnerColumnsType(String type) {
        // Two columns and candidates that are not numbers: the recheck filters the query on its first column.
        String sessions = tables().create("sessions", "id " + type + " PRIMARY KEY, ended_at " + ts() + " NULL");
        tables().exec("INSERT INTO " + sessions + " (id) VALUES ('1'), ('2')");

        try (Store store = fixture.openStore()) {
            LiveOwners live = store.liveOwners(new LiveSource.Query(fixture.storeName(),
                    "SELECT id, ended_at FROM " + sessions + " WHERE ended_at IS NULL ORDER BY id"));
            tables().exec("INSERT INTO " + sessions + " (id) VALUES ('3'), ('4'), ('10')");
            tables().exec("UPDATE " + sessions + " SET ended_at = " + ago(Duration.ZERO) + " WHERE id = '4'");

            assertThat(live.size()).isEqualTo(2);
            assertThat(live.recheck(List.of("3", "4", "5", "x", "1.0", "010", "10"))).containsExactlyInAnyOrder("3", "10");
            assertThat(live.recheck(List.of("x"))).isEmpty();
        }
    }

    @Test
    void aFailingLiveOwnersQueryIsAStoreErrorWithTheDatabaseMessage() {
        try (Store store = fixture.openStore()) {
            assertThatThrownBy(() -> store.liveOwners(new LiveSource.Query(fixture.storeName(),
                    "SELECT id FROM nope_sessions")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("nope_sessions");
        }
    }

    @Test
    void collectingOneOwnerBindsItsIdAndNeverWidensTheMatch() {
        String logs = tables().create("agent_logs", "id BIGINT PRIMARY KEY, session_id BIGINT NOT NULL, tier VARCHAR(16) NULL");
        tables().exec("INSERT INTO " + logs + " VALUES (1, 42, 'hot'), (2, 42, 'hot'), (3, 42, 'warm'), (4, 7, 'hot')");
        TableSelection template = TableSelection.builder(logs, "id").where("session_id = :id AND tier = 'hot'").build();
        Policy.Builder collect = policy(template).action(Action.update(Map.of("tier", UpdateValue.literal("warm"))));

        // Bound, so it cannot widen the match. (MariaDB compares a string with a BIGINT as a number, so
        // "7 OR 1=1" would select owner 7: the id must not start with another owner's number.)
        RunReport hostile = run(collect.selection(template.forOwner("0 OR 1=1")).build());
        RunReport owner = run(collect.selection(template.forOwner("42")).build());

        assertThat(hostile.status()).as(hostile.toString()).isIn(RunStatus.OK, RunStatus.FAILED);
        assertThat(hostile.updated()).isZero();
        assertThat(owner.status()).as(owner.toString()).isEqualTo(RunStatus.OK);
        assertThat(owner.updated()).isEqualTo(2);
        assertThat(tables().longs("SELECT id FROM " + logs + " WHERE tier = 'hot'")).containsExactly(4L);
    }

    // ---- plan and connection

    @Test
    void planShowsTheStatementsWithPlaceholdersAndNoValues() {
        String logs = logsTable();
        insertLog(logs, 1, OLD, "hot");

        RunReport report = run(policy(TableSelection.builder(logs, "id").olderThan("created_at", HOUR).build())
                .action(Action.update(Map.of("tier", UpdateValue.literal("secret-value")))).build(),
                RunMode.DRY_RUN, Clock.systemUTC(), RunListener.NONE);

        assertThat(report.plan().statements()).isNotEmpty()
                .allSatisfy(statement -> assertThat(statement).contains(logs).doesNotContain("secret-value"))
                .anySatisfy(statement -> assertThat(statement).contains("UPDATE").contains("?"));
        assertThat(tables().column("SELECT tier FROM " + logs)).containsExactly("hot");
    }

    @Test
    void anUnreachableStoreFailsTheRunNamingTheStoreButNeverItsPassword() {
        Policy policy = Policy.builder("unreachable").store("down").selection(TableSelection.builder("t", "id")
                .olderThan("created_at", HOUR).build()).build();
        StoreSpec spec = new StoreSpec("down", database().storeType(), database().unreachableStoreSettings());

        RunReport report;
        try (Engine engine = Engine.builder().stores(new StoreRegistry().add(spec)).build()) {
            report = engine.run(policy, RunMode.EXECUTE);
        }

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.error()).contains("'down'").doesNotContain("s3cr3t-pw");
    }
}
