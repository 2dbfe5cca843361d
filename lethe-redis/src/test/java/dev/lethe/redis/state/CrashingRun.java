package dev.lethe.redis.state;

import java.time.Instant;

/**
 * A process that records the start of a run and then dies without any cleanup, as a JVM killed by the OOM
 * killer would. Started in a child JVM by {@link RedisRunHistoryTest}.
 */
public final class CrashingRun {

    private CrashingRun() {
    }

    public static void main(String[] args) {
        RedisRunHistory history = new RedisRunHistory(args[0], args[1], RedisRunHistory.DEFAULT_STALE_AFTER);
        long id = history.start("crash-policy", "cache", false, Instant.now());
        System.out.println(id);
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
