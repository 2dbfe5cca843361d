package dev.lethe.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A sweep run while {@link Pgbench} keeps a concurrent OLTP workload going, or the workload alone as the
 * baseline: what an application sharing the server sees while a sweep runs.
 *
 * <p>Each trial starts pgbench, lets it run alone for {@value Pgbench#WARMUP_MS} ms, runs the sweep (one of the
 * harness's contenders, unchanged, on its fresh copy), then lets pgbench finish its fixed time. The workload's
 * figures are taken over the sweep's own window — from the sweep's start to its end as the contender timed it,
 * lined up with pgbench's per-transaction log by wall-clock time — not over the whole pgbench run, in which a
 * one-second sweep would be diluted by twenty seconds of calm. The baseline's window is a fixed stretch of
 * {@value #BASELINE_WINDOW_MS} ms after the same warm-up. For Lethe, the engine's own window (its reported
 * {@code startedAt} and {@code durationMs}) is measured as well.
 */
final class UnderWorkload implements Contender {

    static final long BASELINE_WINDOW_MS = 15_000;

    private final Pgbench pgbench;
    private final Contender sweep;

    private UnderWorkload(Pgbench pgbench, Contender sweep) {
        this.pgbench = pgbench;
        this.sweep = sweep;
    }

    /** The workload with no sweep: the baseline every ratio is taken against. */
    static UnderWorkload alone(Pgbench pgbench) {
        return new UnderWorkload(pgbench, null);
    }

    /** The workload with {@code sweep} running after the warm-up. */
    static UnderWorkload during(Pgbench pgbench, Contender sweep) {
        return new UnderWorkload(pgbench, sweep);
    }

    @Override
    public String name() {
        return sweep == null ? "pgbench alone" : "pgbench during " + sweep.name();
    }

    @Override
    public String description(BenchDatabase db) {
        return pgbench.description() + (sweep == null ? "; no sweep"
                : "; after " + Pgbench.WARMUP_MS / 1000 + " s: " + sweep.description(db));
    }

    @Override
    public boolean sweeps() {
        return sweep != null;
    }

    @Override
    public Optional<String> unavailable() {
        return pgbench.unavailable().or(() -> sweep == null ? Optional.empty() : sweep.unavailable());
    }

    @Override
    public Timing run(BenchDatabase db) throws Exception {
        Pgbench.Run run = pgbench.start("pgbench-" + System.currentTimeMillis());
        Timing timing;
        long from;
        long to;
        try {
            Thread.sleep(Pgbench.WARMUP_MS);
            run.checkRunning();
            if (sweep == null) {
                from = run.micros(Pgbench.WARMUP_MS);
                to = run.micros(Pgbench.WARMUP_MS + BASELINE_WINDOW_MS);
                timing = new Timing(BASELINE_WINDOW_MS, null, null, null, null, null);
            } else {
                timing = sweep.run(db);
                // The contender's own wall time, ending now: the statement for an in-process anchor (not the
                // connection it opened first), the whole process for Lethe, JVM start included.
                to = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                from = to - Math.round(timing.wallMs() * 1000);
            }
        } catch (Exception | Error e) {
            run.stop();
            throw e;
        }
        List<PgbenchLog.Transaction> transactions = run.finish();
        long lastEnd = transactions.stream().mapToLong(PgbenchLog.Transaction::endMicros).max().orElse(0);
        if (lastEnd < to) {
            throw new IllegalStateException("the sweep outlasted the workload (pgbench -T " + Pgbench.SECONDS
                    + "): its figures would not cover the whole sweep");
        }
        WorkloadStats stats = WorkloadStats.of(transactions, from, to);
        WorkloadStats engine = engineWindow(timing, transactions);
        return timing.withWorkload(stats, engine, "pgbench " + stats
                + (engine == null ? "" : "; during the engine's own work " + engine)
                + "; whole run " + run.wholeRunTps() + " TPS");
    }

    /**
     * The workload during the engine's own work only, for a tool that says when it started and how long it took
     * (Lethe): without its JVM's start and exit, which on this machine compete with the database for the same two
     * cores but would not where the sweeper runs on another host or in a running daemon.
     */
    private static WorkloadStats engineWindow(Timing timing, List<PgbenchLog.Transaction> transactions) {
        if (timing.engineStartMicros() == null || timing.engineMs() == null) {
            return null;
        }
        long start = timing.engineStartMicros();
        return WorkloadStats.of(transactions, start, start + Math.round(timing.engineMs() * 1000));
    }
}
