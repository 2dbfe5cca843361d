package dev.lethe.bench;

/**
 * How long one contender took, and what it said about itself.
 *
 * @param wallMs    wall time: the statements for an in-process anchor, the whole process for a command
 *                  (JVM or Perl start included)
 * @param engineMs  the time the tool reports for its own work (Lethe's {@code durationMs}), when it reports one
 * @param deleted   rows the contender says it deleted, when it says
 * @param maxRssKiB peak resident memory of the process, for commands run under {@code /usr/bin/time}
 * @param gc        the JVM's garbage-collection summary, for Lethe
 * @param note      anything a reader of the figure should know (status, warnings, tool statistics)
 */
record Timing(double wallMs, Double engineMs, Long deleted, Long maxRssKiB, GcSummary gc, String note) {

    /** A statement timed inside this JVM. */
    static Timing inProcess(double wallMs, Long deleted) {
        return new Timing(wallMs, null, deleted, null, null, null);
    }
}
