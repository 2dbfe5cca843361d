package dev.lethe.redis.state;

import java.time.Duration;
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
 * Keeps the heartbeat of this process's open runs fresh: a daemon thread beats every {@code every} while a run
 * is open (a plan or one batch can take longer than a reader's patience), and the engine's beat after each
 * batch is throttled to the same interval, so a run of many small batches costs a handful of writes.
 */
final class Heartbeats implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

    private final Duration every;
    private final LongConsumer write;
    private final Map<Long, Long> lastBeat = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    Heartbeats(Duration every, LongConsumer write) {
        this.every = every;
        this.write = write;
    }

    /** Starts beating for a run that was just recorded with a fresh heartbeat. */
    synchronized void track(long runId) {
        lastBeat.put(runId, System.nanoTime());
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "lethe-redis-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(1, every.toMillis());
            timer.scheduleWithFixedDelay(() -> List.copyOf(lastBeat.keySet()).forEach(this::write), millis, millis,
                    TimeUnit.MILLISECONDS);
        }
    }

    void untrack(long runId) {
        lastBeat.remove(runId);
    }

    /** Beats for one run unless it beat less than an interval ago. */
    void beat(long runId) {
        Long last = lastBeat.get(runId);
        if (last == null || System.nanoTime() - last >= every.toNanos()) {
            write(runId);
        }
    }

    /** Best effort: a failed beat is logged, and the next one may succeed before any reader gives up. */
    private void write(long runId) {
        try {
            write.accept(runId);
            lastBeat.computeIfPresent(runId, (id, previous) -> System.nanoTime());
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
