package dev.lethe.bench;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What another client of the server lives through while a contender works: a {@code PING} every millisecond
 * from its own connection records the slowest answer (paced, so the probe does not take a CPU from the server
 * or the contender), and {@code SLOWLOG} (every command above 100 µs) gives the longest single command the
 * server ran — how long it was blocked at a stretch. {@code INFO commandstats}, reset at the start, gives the
 * server time of the contender's commands.
 */
final class RedisProbe implements AutoCloseable {

    /** The probe's client name; its own PINGs are left out of the slow-log figures. */
    private static final String PROBE = "lethe-bench-probe";
    /** The harness's own commands while a contender runs (resetting and reading the slow log), left out too. */
    private static final java.util.Set<String> HARNESS = java.util.Set.of("slowlog", "config", "info");

    private final RedisClient client;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong worstPingNanos = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final Thread pinger;

    private RedisProbe(RedisURI uri, RedisCommands<String, String> admin) {
        admin.configSet("slowlog-log-slower-than", "100");
        admin.configSet("slowlog-max-len", "1000000");
        admin.slowlogReset();
        admin.configResetstat();
        RedisURI named = RedisURI.builder(uri).withClientName(PROBE).build();
        this.client = RedisClient.create(named);
        RedisCommands<String, String> ping = client.connect().sync();
        this.pinger = new Thread(() -> {
            while (running.get()) {
                long start = System.nanoTime();
                ping.ping();
                worstPingNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                pings.incrementAndGet();
                LockSupport.parkNanos(1_000_000);
            }
        }, "redis-ping-probe");
        pinger.setDaemon(true);
        pinger.start();
    }

    /** Starts probing; the slow log is emptied first. */
    static RedisProbe start(RedisURI uri, RedisCommands<String, String> admin) {
        return new RedisProbe(uri, admin);
    }

    /**
     * What the probe saw.
     *
     * @param worstPingMs  the slowest PING round trip
     * @param pings        PINGs answered
     * @param longestUs    the longest command in the slow log, in microseconds
     * @param longestWhat  that command's name
     * @param over5ms      commands that ran longer than 5 ms
     * @param logged       commands in the slow log (all above 100 µs), the probe's own left out
     * @param server       what the server spent on the contender's commands ({@code INFO commandstats})
     */
    record Seen(double worstPingMs, long pings, long longestUs, String longestWhat, long over5ms, long logged,
                RedisServerTime server) {
    }

    /** Stops the pings and reads the slow log. */
    Seen stop(RedisCommands<String, String> admin) throws InterruptedException {
        running.set(false);
        pinger.join();
        long longest = 0;
        long over = 0;
        long logged = 0;
        String what = "-";
        List<Object> entries = admin.slowlogGet(1_000_000);
        for (Object entry : entries) {
            List<?> fields = (List<?>) entry;
            if (fields.size() > 5 && PROBE.equals(String.valueOf(fields.get(5)))
                    || HARNESS.contains(String.valueOf(((List<?>) fields.get(3)).get(0)).toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            logged++;
            long micros = (Long) fields.get(2);
            over += micros > 5_000 ? 1 : 0;
            if (micros > longest) {
                longest = micros;
                what = String.valueOf(((List<?>) fields.get(3)).get(0)).toUpperCase(java.util.Locale.ROOT);
            }
        }
        RedisServerTime server = RedisServerTime.parse(admin.info("commandstats"));
        return new Seen(worstPingNanos.get() / 1e6, pings.get(), longest, what, over, logged, server);
    }

    /** Keys matching {@code glob}, counted with SCAN. */
    static long count(RedisCommands<String, String> redis, String glob) {
        long n = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> reply = redis.scan(cursor, ScanArgs.Builder.matches(glob).limit(1000));
            n += reply.getKeys().size();
            cursor = reply;
        } while (!cursor.isFinished());
        return n;
    }

    @Override
    public void close() {
        running.set(false);
        client.shutdown();
    }
}
