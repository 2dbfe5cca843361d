package dev.lethe.bench;

/**
 * How long one contender took, and what it said about itself.
 *
 * @param wallMs            wall time: the statements for an in-process anchor, the whole process for a command
 *                          (JVM or Perl start included)
 * @param engineMs          the time the tool reports for its own work (Lethe's {@code durationMs}), when it
 *                          reports one
 * @param deleted           rows the contender says it deleted, when it says
 * @param maxRssKiB         peak resident memory of the process, for commands run under {@code /usr/bin/time}
 * @param gc                the JVM's garbage-collection summary, for Lethe
 * @param note              anything a reader of the figure should know (status, warnings, tool statistics)
 * @param engineStartMicros when the tool says its own work began (Lethe's {@code startedAt}), microseconds since
 *                          the Unix epoch; with {@code engineMs} it places the engine's window in the process's
 * @param workload          what a concurrent pgbench saw during the whole contender (impact scenario); else null
 * @param engineWorkload    what it saw during the engine's window only, when the tool reports one; else null
 */
record Timing(double wallMs, Double engineMs, Long deleted, Long maxRssKiB, GcSummary gc, String note,
              Long engineStartMicros, WorkloadStats workload, WorkloadStats engineWorkload) {

    /** A contender's own timing, with no concurrent workload measured. */
    Timing(double wallMs, Double engineMs, Long deleted, Long maxRssKiB, GcSummary gc, String note) {
        this(wallMs, engineMs, deleted, maxRssKiB, gc, note, null, null, null);
    }

    /** A statement timed inside this JVM. */
    static Timing inProcess(double wallMs, Long deleted) {
        return new Timing(wallMs, null, deleted, null, null, null);
    }

    /** This timing with the moment the tool's engine started, as it reported it. */
    Timing withEngineStart(long micros) {
        return new Timing(wallMs, engineMs, deleted, maxRssKiB, gc, note, micros, workload, engineWorkload);
    }

    /**
     * This timing with what the concurrent workload saw during it (and during its engine's window, or null), and
     * {@code extraNote} appended to its note.
     */
    Timing withWorkload(WorkloadStats whole, WorkloadStats engine, String extraNote) {
        String n = note == null ? extraNote : note + "; " + extraNote;
        return new Timing(wallMs, engineMs, deleted, maxRssKiB, gc, n, engineStartMicros, whole, engine);
    }
}
