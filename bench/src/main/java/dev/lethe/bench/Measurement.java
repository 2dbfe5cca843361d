package dev.lethe.bench;

/**
 * One contender on one fresh copy: its timing, what the table held afterwards, and the load around it.
 *
 * @param scenario    {@code postgres}, {@code mariadb}, {@code sqlite} or {@code memory}
 * @param contender   the contender's label
 * @param description the statement or command that ran
 * @param rows        rows in the copy
 * @param round       1-based repetition
 * @param status      {@code ok}, {@code wrong result} (it ran but left the wrong rows), {@code failed} or
 *                    {@code skipped}
 * @param timing      the contender's timing; null unless it ran
 * @param remaining   the table afterwards; null unless it ran
 * @param setupMs     how long building the copy took (not part of any figure)
 * @param loadBefore  load averages just before the timing
 * @param loadAfter   load averages just after it
 * @param detail      why it failed or was skipped, or what was wrong with its result
 */
record Measurement(String scenario, String contender, String description, long rows, int round, String status,
                   Timing timing, BenchDatabase.Remaining remaining, double setupMs, Load loadBefore, Load loadAfter,
                   String detail) {

    boolean ok() {
        return "ok".equals(status);
    }
}
