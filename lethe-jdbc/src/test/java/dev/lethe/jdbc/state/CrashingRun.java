package dev.lethe.jdbc.state;

import java.time.Instant;

/**
 * A process that records the start of a run and then dies without any cleanup, as a JVM killed by the OOM
 * killer or a power cut would. Started by {@link RunHistoryContract}'s crash test in a child JVM.
 */
public final class CrashingRun {

    private CrashingRun() {
    }

    public static void main(String[] args) {
        JdbcRunHistory history = new JdbcRunHistory(args[0]);
        long id = history.start("crash-policy", "app", false, Instant.now());
        System.out.println(id);
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
