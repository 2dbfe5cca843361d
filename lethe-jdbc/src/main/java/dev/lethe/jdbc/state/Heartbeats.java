package dev.lethe.jdbc.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the heartbeat of this process's open runs fresh. The engine heartbeats after every batch, but a
 * plan over a large table or one slow batch can take longer than a reader's patience; a daemon thread
 * therefore beats every {@code every} for as long as a run is open. Engine beats are throttled to the same
 * interval, so a run of many small batches costs a handful of writes, not one per batch.
 */
final class Heartbeats implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

    private final StateDatabase database;
    private final Duration every;
    private final Clock clock;
    private final Map<Long, Instant> lastBeat = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    Heartbeats(StateDatabase database, Duration every, Clock clock) {
        this.database = database;
        this.every = every;
        this.clock = clock;
    }

    /** Starts beating for a run that was just recorded with a fresh heartbeat. */
    synchronized void track(long runId) {
        lastBeat.put(runId, clock.instant());
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "lethe-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(1, every.toMillis());
            timer.scheduleWithFixedDelay(() -> write(lastBeat.keySet()), millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    void untrack(long runId) {
        lastBeat.remove(runId);
    }

    /** Beats for one run unless it beat less than an interval ago. */
    void beat(long runId) {
        Instant last = lastBeat.get(runId);
        if (last == null || !clock.instant().isBefore(last.plus(every))) {
            write(List.of(runId));
        }
    }

    /** Best effort: a failed beat is logged, and the next one may succeed before any reader gives up. */
    private void write(Collection<Long> runIds) {
        if (runIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String sql = "UPDATE lethe_runs SET heartbeat_at = ? WHERE id = ? AND status = 'running'";
        try (Connection connection = database.connect(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (long runId : List.copyOf(runIds)) {
                update.setLong(1, now.toEpochMilli());
                update.setLong(2, runId);
                update.executeUpdate();
                lastBeat.computeIfPresent(runId, (id, previous) -> now);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("state store {}: heartbeat failed: {}", database.describe(), e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        lastBeat.clear();
    }
}
