package dev.lethe.jdbc.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.history.RunProcess;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.testsupport.ManualClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every state store must do, run against real SQLite and real PostgreSQL. */
abstract class RunHistoryContract {

    /** A URL of an empty state store of its own. */
    abstract String url();

    private JdbcRunHistory history() {
        return new JdbcRunHistory(url());
    }

    @Test
    void finishedRunKeepsItsReport() {
        try (JdbcRunHistory history = history()) {
            Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long id = history.start("pending-uploads", "app", false, started);
            assertThat(history.find(id)).get().extracting(RunRecord::status).isEqualTo(RunStatus.RUNNING);

            RunReport report = report("pending-uploads", RunStatus.PARTIAL, started);
            history.finish(id, report);

            RunRecord record = history.find(id).orElseThrow();
            assertThat(record.status()).isEqualTo(RunStatus.PARTIAL);
            assertThat(record.startedAt()).isEqualTo(started);
            assertThat(record.finishedAt()).contains(started.plusMillis(1234));
            assertThat(record.report()).get().satisfies(r -> {
                assertThat(r.deleted()).isEqualTo(40);
                assertThat(r.outcomes()).containsEntry("acked", 30L);
                assertThat(r.warnings()).containsExactly("2 items failed");
            });
        }
    }

    @Test
    void recentIsNewestFirstAndFiltersByPolicy() {
        try (JdbcRunHistory history = history()) {
            long a = history.start("a", "app", false, Instant.now());
            long b = history.start("b", "app", true, Instant.now());
            long c = history.start("a", "app", false, Instant.now());
            assertThat(history.recent(Optional.empty(), 10)).extracting(RunRecord::id).containsExactly(c, b, a);
            assertThat(history.recent(Optional.of("a"), 10)).extracting(RunRecord::id).containsExactly(c, a);
            assertThat(history.recent(Optional.empty(), 1)).extracting(RunRecord::id).containsExactly(c);
            assertThat(history.find(b)).get().extracting(RunRecord::dryRun).isEqualTo(true);
            assertThat(history.find(999_999)).isEmpty();
        }
    }

    @Test
    void runOfThisLiveProcessStaysRunning() {
        try (JdbcRunHistory history = history()) {
            long id = history.start("live", "app", false, Instant.now());
            assertThat(history.recent(Optional.empty(), 5)).extracting(RunRecord::status).containsExactly(RunStatus.RUNNING);
            assertThat(storedStatus(id)).isEqualTo("running");
        }
    }

    @Test
    void runOfAProcessThatDiedInAJvmCrashShowsInterrupted() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingRun.class.getName(), url())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String firstLine;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            firstLine = out.readLine();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM exits").isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        long id = Long.parseLong(firstLine.trim());
        assertThat(storedStatus(id)).as("nothing cleaned up after the crash").isEqualTo("running");

        try (JdbcRunHistory history = history()) {
            RunRecord record = history.find(id).orElseThrow();
            assertThat(record.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(record.finishedAt()).isPresent();
            assertThat(history.recent(Optional.of("crash-policy"), 5)).extracting(RunRecord::status)
                    .containsExactly(RunStatus.INTERRUPTED);
        }
        assertThat(storedStatus(id)).as("written back").isEqualTo("interrupted");
    }

    @Test
    void runWithStaleHeartbeatFromAnotherHostShowsInterrupted() throws SQLException {
        try (JdbcRunHistory history = history()) {
            long now = System.currentTimeMillis();
            long stale = insertRunning("1234@another-host", now - Duration.ofMinutes(11).toMillis());
            long fresh = insertRunning("1234@another-host", now - Duration.ofMinutes(1).toMillis());
            Map<Long, RunStatus> shown = new java.util.HashMap<>();
            history.recent(Optional.empty(), 10).forEach(r -> shown.put(r.id(), r.status()));
            assertThat(shown).containsEntry(stale, RunStatus.INTERRUPTED).containsEntry(fresh, RunStatus.RUNNING);
            assertThat(storedStatus(stale)).isEqualTo("interrupted");
            assertThat(storedStatus(fresh)).isEqualTo("running");
        }
    }

    @Test
    void runOfAPidThatIsNoLongerAliveOnThisHostShowsInterrupted() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (JdbcRunHistory history = history()) {
            long id = insertRunning(new RunProcess(gone.pid(), RunProcess.current().host()).toString(),
                    System.currentTimeMillis());
            assertThat(history.find(id)).get().extracting(RunRecord::status).isEqualTo(RunStatus.INTERRUPTED);
        }
    }

    @Test
    void heartbeatsKeepARunAliveUntilTheyStop() {
        ManualClock clock = new ManualClock(Instant.now());
        try (JdbcRunHistory history = new JdbcRunHistory(StateDatabase.open(url()), Duration.ofMinutes(10), clock)) {
            long id = history.start("slow", "app", false, clock.instant());
            clock.advance(Duration.ofMinutes(9));
            history.heartbeat(id);
            clock.advance(Duration.ofMinutes(9));
            assertThat(history.find(id)).get().extracting(RunRecord::status).isEqualTo(RunStatus.RUNNING);
            clock.advance(Duration.ofMinutes(2));
            assertThat(history.find(id)).get().extracting(RunRecord::status).isEqualTo(RunStatus.INTERRUPTED);
        }
    }

    @Test
    void finishAfterBeingTakenForDeadStillRecordsTheOutcome() {
        ManualClock clock = new ManualClock(Instant.now());
        try (JdbcRunHistory history = new JdbcRunHistory(StateDatabase.open(url()), Duration.ofMinutes(10), clock)) {
            long id = history.start("slow", "app", false, clock.instant());
            clock.advance(Duration.ofMinutes(11));
            assertThat(history.find(id)).get().extracting(RunRecord::status).isEqualTo(RunStatus.INTERRUPTED);
            history.finish(id, report("slow", RunStatus.OK, clock.instant()));
            assertThat(history.find(id)).get().extracting(RunRecord::status).isEqualTo(RunStatus.OK);
        }
    }

    @Test
    void concurrentWritersEachGetTheirOwnRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (JdbcRunHistory history = history()) {
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(pool.submit(() -> {
                    long id = history.start("busy", "app", false, Instant.now());
                    history.finish(id, report("busy", RunStatus.OK, Instant.now()));
                    return id;
                }));
            }
            Set<Long> distinct = new HashSet<>();
            for (Future<Long> id : ids) {
                distinct.add(id.get(60, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(40);
            assertThat(history.recent(Optional.of("busy"), 100)).hasSize(40)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.OK));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void openingAgainDoesNotMigrateAgain() throws SQLException {
        history().close();
        history().close();
        try (Connection connection = DriverManager.getConnection(url());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*), MAX(version) FROM lethe_schema_version")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(StateSchema.MIGRATIONS.size());
            assertThat(rows.getInt(2)).isEqualTo(StateSchema.latestVersion());
        }
    }

    @Test
    void schemaFromANewerLetheIsRefused() throws SQLException {
        history().close();
        try (Connection connection = DriverManager.getConnection(url());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO lethe_schema_version (version, description, applied_at)"
                    + " VALUES (" + (StateSchema.latestVersion() + 1) + ", 'from the future', 0)");
        }
        assertThatThrownBy(this::history).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("newer than this Lethe knows");
    }

    @Test
    void runningIsNotAFinalStatus() {
        try (JdbcRunHistory history = history()) {
            long id = history.start("p", "app", false, Instant.now());
            assertThatThrownBy(() -> history.finish(id, report("p", RunStatus.RUNNING, Instant.now())))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private long insertRunning(String instance, long heartbeatMillis) throws SQLException {
        String sql = "INSERT INTO lethe_runs (policy, store, status, dry_run, started_at, heartbeat_at, instance)"
                + " VALUES ('other', 'app', 'running', false, ?, ?, ?) RETURNING id";
        try (Connection connection = DriverManager.getConnection(url());
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, heartbeatMillis);
            insert.setLong(2, heartbeatMillis);
            insert.setString(3, instance);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private String storedStatus(long id) {
        try (Connection connection = DriverManager.getConnection(url());
             PreparedStatement query = connection.prepareStatement("SELECT status FROM lethe_runs WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static RunReport report(String policy, RunStatus status, Instant startedAt) {
        return new RunReport(policy, status, false, 42, 40, 0, 2, Map.of("acked", 30L, "expired", 10L), 0, List.of(),
                List.of("2 items failed"), startedAt, 1234, null, "app", startedAt, 0, Map.of(), 0, null, null);
    }
}
