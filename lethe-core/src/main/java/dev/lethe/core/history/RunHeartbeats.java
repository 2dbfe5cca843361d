package dev.lethe.core.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For {@link RunHistory} implementations: keeps the heartbeat of this process's open runs fresh, whatever the
 * state store ({@code write} records one run's beat there): a daemon thread beats every {@code every} while a run
 * is open (a plan or one batch can take longer than a reader's patience), and the engine's beat after each
 * batch is throttled to the same interval, so a run of many small batches costs a handful of writes.
 */
public final class RunHeartbeats implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunHeartbeats.class);

    private final Duration every;
    private final LongConsumer write;
    private final Clock clock;
    private final Map<Long, Instant> lastBeat = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    /** Beats every {@code every} by the system clock; {@code write} records one run's beat in the state store. */
    public RunHeartbeats(Duration every, LongConsumer write) {
        this(every, write, Clock.systemUTC());
    }

    /** Like {@link #RunHeartbeats(Duration, LongConsumer)}, throttled by {@code clock} (tests move it by hand). */
    public RunHeartbeats(Duration every, LongConsumer write, Clock clock) {
        this.every = every;
        this.write = write;
        this.clock = clock;
    }

    /** Starts beating for a run that was just recorded with a fresh heartbeat. */
    public synchronized void track(long runId) {
        lastBeat.put(runId, clock.instant());
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "lethe-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(1, every.toMillis());
            timer.scheduleWithFixedDelay(() -> List.copyOf(lastBeat.keySet()).forEach(this::write), millis, millis,
                    TimeUnit.MILLISECONDS);
        }
    }

    public void untrack(long runId) {
        lastBeat.remove(runId);
    }

    /** Beats for one run unless it beat less than an interval ago. */
    public void beat(long runId) {
        Instant last = lastBeat.get(runId);
        if (last == null || !clock.instant().isBefore(last.plus(every))) {
            write(runId);
        }
    }

    /** Best effort: a failed beat is logged, and the next one may succeed before any reader gives up. */
    private void write(long runId) {
        try {
            write.accept(runId);
            lastBeat.computeIfPresent(runId, (id, previous) -> clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("heartbeat of run {} failed: {}", runId, e.toString());
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
