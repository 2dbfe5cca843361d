package dev.lethe.jdbc.state;

import dev.lethe.core.history.RunHeartbeats;
import dev.lethe.core.history.RunHistory;
import dev.lethe.core.history.RunProcess;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.ReportJson;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Run history in a SQL database: SQLite (the default, {@code jdbc:sqlite:lethe-state.db}) or PostgreSQL.
 * Open one with {@link StateStores#open(String)}.
 *
 * <p>Design note — no run stays {@code running} forever. A run is inserted as {@code running} with its
 * {@link RunProcess} ({@code pid@host}) and a heartbeat that {@link RunHeartbeats} refreshes while the process
 * lives, even during a long plan or batch. A reader that finds a {@code running} run decides it was cut off
 * when its heartbeat is older than {@code staleAfter} (any host), or when it belongs to this host and its
 * process is gone; such a run is shown as {@code interrupted} and written back as such, guarded by the
 * heartbeat it read so that a run which is in fact alive and just heartbeated is left alone.
 */
public final class JdbcRunHistory implements RunHistory {

    /** How long a run may go without a heartbeat before any reader calls it interrupted. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(10);

    private static final String COLUMNS =
            "id, policy, store, status, dry_run, started_at, finished_at, heartbeat_at, instance, report";

    private final StateDatabase database;
    private final Duration staleAfter;
    private final Clock clock;
    private final RunHeartbeats heartbeats;

    /** Opens and migrates the state store at {@code url}, with the default {@link #DEFAULT_STALE_AFTER}. */
    public JdbcRunHistory(String url) {
        this(url, DEFAULT_STALE_AFTER);
    }

    /** Opens and migrates the state store at {@code url}; runs silent for {@code staleAfter} count as interrupted. */
    public JdbcRunHistory(String url, Duration staleAfter) {
        this(StateDatabase.open(Objects.requireNonNull(url, "state url")), staleAfter, Clock.systemUTC());
    }

    JdbcRunHistory(StateDatabase database, Duration staleAfter, Clock clock) {
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive, was " + staleAfter);
        }
        this.database = database;
        this.staleAfter = staleAfter;
        this.clock = clock;
        // Five chances to heartbeat before a reader gives up on a run: one slow write does not kill it.
        this.heartbeats = new RunHeartbeats(staleAfter.dividedBy(5), this::beatNow, clock);
    }

    @Override
    public long start(String policy, String store, boolean dryRun, Instant startedAt) {
        String sql = "INSERT INTO lethe_runs (policy, store, status, dry_run, started_at, heartbeat_at, instance)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, policy);
            insert.setString(2, store);
            insert.setString(3, RunStatus.RUNNING.label());
            insert.setBoolean(4, dryRun);
            insert.setLong(5, startedAt.toEpochMilli());
            insert.setLong(6, clock.millis());
            insert.setString(7, RunProcess.current().toString());
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                long id = keys.getLong(1);
                heartbeats.track(id);
                return id;
            }
        } catch (SQLException e) {
            throw database.failure("cannot record the start of policy '" + policy + "'", e);
        }
    }

    /** Refreshes the heartbeat, at most once per heartbeat interval; never throws (a missed beat is not fatal). */
    @Override
    public void heartbeat(long runId) {
        heartbeats.beat(runId);
    }

    /** Writes one beat; {@link RunHeartbeats} calls it from its timer and logs a failure. */
    private void beatNow(long runId) {
        String sql = "UPDATE lethe_runs SET heartbeat_at = ? WHERE id = ? AND status = 'running'";
        try (Connection connection = database.connect(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, clock.millis());
            update.setLong(2, runId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw database.failure("cannot record the heartbeat of run " + runId, e);
        }
    }

    @Override
    public void finish(long runId, RunReport report) {
        if (report.status() == RunStatus.RUNNING) {
            throw new IllegalArgumentException("run " + runId + ": a finished run cannot be 'running'");
        }
        heartbeats.untrack(runId);
        String sql = "UPDATE lethe_runs SET status = ?, finished_at = ?, heartbeat_at = ?, report = ? WHERE id = ?";
        try (Connection connection = database.connect(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, report.status().label());
            update.setLong(2, report.startedAt().plusMillis(report.durationMs()).toEpochMilli());
            update.setLong(3, clock.millis());
            update.setString(4, ReportJson.write(report));
            update.setLong(5, runId);
            if (update.executeUpdate() != 1) {
                throw new StateStoreException("state store " + database.describe() + ": no run " + runId + " to finish");
            }
        } catch (SQLException e) {
            throw database.failure("cannot record the report of run " + runId + " (policy '" + report.policy() + "')", e);
        }
    }

    @Override
    public List<RunRecord> recent(Optional<String> policy, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        String sql = "SELECT " + COLUMNS + " FROM lethe_runs" + (policy.isPresent() ? " WHERE policy = ?" : "")
                + " ORDER BY id DESC LIMIT ?";
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            if (policy.isPresent()) {
                query.setString(index++, policy.get());
            }
            query.setInt(index, limit);
            return read(connection, query);
        } catch (SQLException e) {
            throw database.failure("cannot read history", e);
        }
    }

    @Override
    public Optional<RunRecord> find(long runId) {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM lethe_runs WHERE id = ?")) {
            query.setLong(1, runId);
            return read(connection, query).stream().findFirst();
        } catch (SQLException e) {
            throw database.failure("cannot read run " + runId, e);
        }
    }

    /** Stops heartbeating; runs still open are left {@code running} and will be seen as interrupted. */
    @Override
    public void close() {
        heartbeats.close();
    }

    @Override
    public String toString() {
        return "JdbcRunHistory[" + database.describe() + "]";
    }

    /** A row as stored, with what is needed to tell whether a {@code running} run was cut off. */
    private record StoredRun(RunRecord record, long heartbeatMillis, String instance) {
    }

    private List<RunRecord> read(Connection connection, PreparedStatement query) throws SQLException {
        List<StoredRun> rows = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(toStoredRun(result));
            }
        }
        List<RunRecord> records = new ArrayList<>(rows.size());
        for (StoredRun row : rows) {
            records.add(isCutOff(row) ? markInterrupted(connection, row) : row.record());
        }
        return records;
    }

    private boolean isCutOff(StoredRun row) {
        if (row.record().status() != RunStatus.RUNNING) {
            return false;
        }
        Instant heartbeat = Instant.ofEpochMilli(row.heartbeatMillis());
        return heartbeat.plus(staleAfter).isBefore(clock.instant())
                || RunProcess.parse(row.instance()).map(owner -> owner.isGone(heartbeat)).orElse(false);
    }

    private static RunRecord markInterrupted(Connection connection, StoredRun row) throws SQLException {
        String sql = "UPDATE lethe_runs SET status = ?, finished_at = heartbeat_at"
                + " WHERE id = ? AND status = ? AND heartbeat_at = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, RunStatus.INTERRUPTED.label());
            update.setLong(2, row.record().id());
            update.setString(3, RunStatus.RUNNING.label());
            update.setLong(4, row.heartbeatMillis());
            update.executeUpdate();
        }
        RunRecord r = row.record();
        return new RunRecord(r.id(), r.policy(), r.store(), RunStatus.INTERRUPTED, r.dryRun(), r.startedAt(),
                Optional.of(Instant.ofEpochMilli(row.heartbeatMillis())), Optional.empty());
    }

    private static StoredRun toStoredRun(ResultSet row) throws SQLException {
        long finished = row.getLong("finished_at");
        Optional<Instant> finishedAt = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
        String report = row.getString("report");
        RunRecord record = new RunRecord(row.getLong("id"), row.getString("policy"), row.getString("store"),
                RunStatus.fromLabel(row.getString("status")), row.getBoolean("dry_run"),
                Instant.ofEpochMilli(row.getLong("started_at")), finishedAt,
                report == null ? Optional.empty() : Optional.of(ReportJson.read(report)));
        return new StoredRun(record, row.getLong("heartbeat_at"), row.getString("instance"));
    }
}
