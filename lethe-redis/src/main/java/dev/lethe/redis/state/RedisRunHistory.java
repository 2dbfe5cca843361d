package dev.lethe.redis.state;

import dev.lethe.core.history.RunHeartbeats;
import dev.lethe.core.history.RunHistory;
import dev.lethe.core.history.RunProcess;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.ReportJson;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Run history in Redis ({@code state: redis://…}), shared by every daemon that points at it.
 *
 * <p>Design note. Keys, all under the store's hash tag ({@link StateKeys}): {@code run-ids} (a counter),
 * {@code run:<id>} (a hash: policy, store, status, dryRun, startedAt, finishedAt, heartbeatAt, process,
 * report as JSON), {@code runs} and {@code runs:<policy>} (sorted sets of ids, the newest with the highest
 * score) and {@code alive:<id>}, a key that exists while the run's process heartbeats — it is written with an
 * expiry of {@code staleAfter}, so the server's own clock decides when silence means death. Every change is one
 * script, atomic on the server. No run stays {@code running} forever: a reader that finds one whose alive key
 * has expired, or whose process on this host is gone ({@link RunProcess}), shows it {@code interrupted} and
 * writes that back, guarded by the heartbeat it read so a run that just beat again is left alone.
 */
public final class RedisRunHistory implements RunHistory {

    /** How long a run may go without a heartbeat before any reader calls it interrupted. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(10);

    private static final String NOW = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) ";
    private static final String START = NOW + """
            local id = redis.call('INCR', KEYS[1])
            local run = ARGV[1] .. 'run:' .. id
            redis.call('HSET', run, 'policy', ARGV[2], 'store', ARGV[3], 'status', 'running', 'dryRun', ARGV[4],
              'startedAt', ARGV[5], 'process', ARGV[6], 'heartbeatAt', now)
            redis.call('ZADD', KEYS[2], id, id)
            redis.call('ZADD', KEYS[3], id, id)
            redis.call('SET', ARGV[1] .. 'alive:' .. id, ARGV[6], 'PX', ARGV[7])
            return id""";
    private static final String BEAT = NOW + """
            if redis.call('HGET', KEYS[1], 'status') ~= 'running' then return 0 end
            redis.call('HSET', KEYS[1], 'heartbeatAt', now)
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
            return 1""";
    private static final String FINISH = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], 'status', ARGV[1], 'finishedAt', ARGV[2], 'report', ARGV[3])
            redis.call('DEL', KEYS[2])
            return 1""";
    private static final String INTERRUPT = """
            local run = redis.call('HMGET', KEYS[1], 'status', 'heartbeatAt')
            if run[1] ~= 'running' or run[2] ~= ARGV[1] then return 0 end
            if ARGV[2] ~= 'gone' and redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'status', 'interrupted', 'finishedAt', run[2])
            redis.call('DEL', KEYS[2])
            return 1""";

    private final StateConnection redis;
    private final StateKeys keys;
    private final Duration staleAfter;
    private final RunHeartbeats heartbeats;

    /**
     * Opens the history at a state URL: {@code redis://…} (comma-separated URIs for a cluster), keys under
     * {@value StateKeys#DEFAULT_PREFIX} or, with {@code ?prefix=NAME}, under {@code {NAME}:}.
     */
    public RedisRunHistory(String url) {
        this(StateUrl.parse(url), DEFAULT_STALE_AFTER);
    }

    private RedisRunHistory(StateUrl url, Duration staleAfter) {
        this(url.uris(), url.prefix(), staleAfter);
    }

    /**
     * Opens the history at {@code url} ({@code redis://…}, or comma-separated URIs of a cluster).
     *
     * @param keyPrefix  prefix of every key, with a hash tag, e.g. {@code {lethe}:}
     * @param staleAfter how long a run may go without a heartbeat before it counts as interrupted
     */
    public RedisRunHistory(String url, String keyPrefix, Duration staleAfter) {
        if (staleAfter.toMillis() < 5) {
            throw new IllegalArgumentException("staleAfter must be at least 5ms, was " + staleAfter);
        }
        this.keys = new StateKeys(keyPrefix);
        this.staleAfter = staleAfter;
        this.redis = StateConnection.open(url);
        // Five chances to beat before a reader gives up on a run: one slow write does not kill it.
        this.heartbeats = new RunHeartbeats(staleAfter.dividedBy(5), this::beatNow);
    }

    @Override
    public long start(String policy, String store, boolean dryRun, Instant startedAt) {
        Long id = redis.script(START, ScriptOutputType.INTEGER, new String[] {keys.runIds(), keys.runs(), keys.runsOf(policy)},
                keys.prefix(), policy, store, dryRun ? "1" : "0", String.valueOf(startedAt.toEpochMilli()),
                RunProcess.current().toString(), String.valueOf(staleAfter.toMillis()));
        heartbeats.track(id);
        return id;
    }

    @Override
    public void heartbeat(long runId) {
        heartbeats.beat(runId);
    }

    private void beatNow(long runId) {
        redis.script(BEAT, ScriptOutputType.INTEGER, new String[] {keys.run(runId), keys.alive(runId)},
                RunProcess.current().toString(), String.valueOf(staleAfter.toMillis()));
    }

    @Override
    public void finish(long runId, RunReport report) {
        if (report.status() == RunStatus.RUNNING) {
            throw new IllegalArgumentException("run " + runId + ": a finished run cannot be 'running'");
        }
        heartbeats.untrack(runId);
        Long done = redis.script(FINISH, ScriptOutputType.INTEGER, new String[] {keys.run(runId), keys.alive(runId)},
                report.status().label(), String.valueOf(report.startedAt().plusMillis(report.durationMs()).toEpochMilli()),
                ReportJson.write(report));
        if (done == 0) {
            throw new StateException("state store " + redis.describe() + ": no run " + runId + " to finish");
        }
    }

    @Override
    public List<RunRecord> recent(Optional<String> policy, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<String> ids = redis.commands().zrevrange(policy.map(keys::runsOf).orElse(keys.runs()), 0, limit - 1);
        List<RunRecord> records = new ArrayList<>(ids.size());
        for (String id : ids) {
            find(Long.parseLong(id)).ifPresent(records::add);
        }
        return records;
    }

    @Override
    public Optional<RunRecord> find(long runId) {
        Map<String, String> run = redis.commands().hgetall(keys.run(runId));
        if (run.isEmpty()) {
            return Optional.empty();
        }
        RunRecord record = StoredRun.record(runId, run);
        return Optional.of(record.status() == RunStatus.RUNNING ? checkAlive(record, run) : record);
    }

    private RunRecord checkAlive(RunRecord record, Map<String, String> run) {
        String beat = run.get("heartbeatAt");
        Instant lastSeen = Instant.ofEpochMilli(Long.parseLong(beat));
        boolean gone = RunProcess.parse(run.get("process")).map(process -> process.isGone(lastSeen)).orElse(false);
        Long marked = redis.script(INTERRUPT, ScriptOutputType.INTEGER,
                new String[] {keys.run(record.id()), keys.alive(record.id())}, beat, gone ? "gone" : "stale");
        return marked == 1 ? StoredRun.interrupted(record, lastSeen) : record;
    }

    /** Stops heartbeating; runs still open are left {@code running} and will be seen as interrupted. */
    @Override
    public void close() {
        heartbeats.close();
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisRunHistory[" + redis.describe() + "]";
    }
}
