package dev.lethe.bench;

import java.util.List;

/**
 * What the concurrent workload (pgbench) saw during one window of time: its throughput and latencies.
 *
 * <p>Two sets of transactions, on purpose. Throughput counts the transactions that <em>completed</em> inside the
 * window, per second of it. Latencies are over every transaction <em>in flight</em> at some moment of the window
 * (started before its end, completed after its start): a transaction the sweep held up often completes just
 * after the sweep does, and leaving it out would hide exactly the stall the figure is there to show.
 *
 * @param windowMs     length of the window
 * @param tps          transactions completed in the window, per second
 * @param p50Ms        median latency of the transactions in flight during the window
 * @param p99Ms        99th percentile of the same (nearest rank)
 * @param maxMs        the slowest of them
 * @param transactions transactions in flight during the window (the latencies' sample)
 * @param failed       transactions pgbench logged as failed during the window
 */
record WorkloadStats(double windowMs, double tps, double p50Ms, double p99Ms, double maxMs, long transactions,
                     long failed) {

    /** The figures for the window {@code [fromMicros, toMicros]} (Unix epoch) of a pgbench run's transactions. */
    static WorkloadStats of(List<PgbenchLog.Transaction> all, long fromMicros, long toMicros) {
        long completed = all.stream().filter(t -> !t.failed() && t.endMicros() >= fromMicros && t.endMicros() <= toMicros)
                .count();
        long failed = all.stream().filter(t -> t.failed() && t.endMicros() >= fromMicros && t.endMicros() <= toMicros)
                .count();
        long[] latencies = all.stream()
                .filter(t -> !t.failed() && t.endMicros() >= fromMicros && t.startMicros() <= toMicros)
                .mapToLong(PgbenchLog.Transaction::latencyMicros).sorted().toArray();
        if (latencies.length == 0) {
            throw new IllegalStateException("pgbench completed no transaction during the window of "
                    + (toMicros - fromMicros) / 1000 + " ms");
        }
        double windowMs = (toMicros - fromMicros) / 1000.0;
        return new WorkloadStats(windowMs, completed / (windowMs / 1000), rank(latencies, 0.50), rank(latencies, 0.99),
                latencies[latencies.length - 1] / 1000.0, latencies.length, failed);
    }

    /** The nearest-rank percentile {@code p} of sorted microseconds, in milliseconds. */
    private static double rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }

    /** This throughput as a multiple of {@code base}'s, or null without a base. */
    Double tpsVs(WorkloadStats base) {
        return base == null || base.tps == 0 ? null : tps / base.tps;
    }

    /** This p99 latency as a multiple of {@code base}'s, or null without a base. */
    Double p99Vs(WorkloadStats base) {
        return base == null || base.p99Ms == 0 ? null : p99Ms / base.p99Ms;
    }

    /**
     * Transactions the workload did not complete in this window that it completes alone in the same time:
     * (TPS alone - TPS) x window. Sweeps differ in length, so a rate alone hides that a gentle sweep can cost more
     * in total by lasting longer; null without a base.
     */
    Double lostVs(WorkloadStats base) {
        return base == null ? null : (base.tps - tps) * windowMs / 1000;
    }

    @Override
    public String toString() {
        return String.format("%.0f TPS, p50 %.2f ms, p99 %.2f ms, max %.1f ms over %,d transactions in %.2f s%s", tps,
                p50Ms, p99Ms, maxMs, transactions, windowMs / 1000, failed == 0 ? "" : ", " + failed + " failed");
    }
}
